def upgrade() -> None:
    op.rename_table("posts", "articles")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.alter_column("title", new_column_name="headline")
