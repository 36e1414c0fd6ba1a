"""Fill a migrated database of the generated blog with the benchmark's rows.

Run by compare.py inside the generated project (its package `blog` importable):
`python load_data.py DATABASE_URL POSTS`. The rows go in through the project's own
models and session. Every value derives from the row's number, so each run writes the
same data: POSTS posts, each with an author, three tags and (two in three) a reviewer.
"""

import asyncio
import sys
from datetime import UTC, datetime, timedelta

from blog.db import create_engine, create_sessionmaker
from blog.models.author import Author
from blog.models.post import Post, PostStatus
from blog.models.tag import Tag

AUTHORS = 20
TAGS = 10
#: Every post's body: a few hundred characters, like a short article.
BODY = " ".join(["Lorem ipsum dolor sit amet, consectetur adipiscing elit."] * 8)
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


async def load(database_url: str, posts: int) -> None:
    engine = create_engine(database_url)
    try:
        async with create_sessionmaker(engine)() as db:
            authors = [
                Author(
                    name=f"Author {n}",
                    email=f"author{n}@example.com",
                    bio=f"Writes post after post ({n}).",
                    website=f"https://example.com/{n}" if n % 2 else None,
                )
                for n in range(1, AUTHORS + 1)
            ]
            tags = [Tag(name=f"tag-{n}") for n in range(1, TAGS + 1)]
            statuses = list(PostStatus)
            db.add_all(authors + tags)
            db.add_all(
                Post(
                    title=f"Post number {n}",
                    slug=f"post-{n}",
                    body=BODY,
                    status=statuses[n % len(statuses)],
                    published_at=EPOCH + timedelta(hours=n, microseconds=n),
                    views=n * 37 % 1000,
                    author=authors[n % AUTHORS],
                    reviewer=authors[(n + 3) % AUTHORS] if n % 3 else None,
                    tags=[tags[(n + k) % TAGS] for k in range(3)],
                )
                for n in range(1, posts + 1)
            )
            await db.commit()
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(load(sys.argv[1], int(sys.argv[2])))
