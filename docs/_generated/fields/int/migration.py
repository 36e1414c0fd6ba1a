def upgrade() -> None:
    ...
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.CheckConstraint('"rating" >= 1', name=op.f("ck_products_rating_min")),
        sa.CheckConstraint('"rating" <= 5', name=op.f("ck_products_rating_max")),
    )
