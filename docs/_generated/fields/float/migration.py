def upgrade() -> None:
    ...
    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sensor", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("accuracy", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurements")),
        sa.CheckConstraint('"accuracy" >= 0', name=op.f("ck_measurements_accuracy_min")),
        sa.CheckConstraint('"accuracy" <= 1', name=op.f("ck_measurements_accuracy_max")),
    )
