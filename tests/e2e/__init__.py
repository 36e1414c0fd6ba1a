"""End-to-end tests: generated projects and their own toolchains."""
