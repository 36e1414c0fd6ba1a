"""The fields the generated `PostRead` returns, under the same names."""

from rest_framework import serializers

from peer.models import Post, Tag


class PostSerializer(serializers.ModelSerializer):
    tag_ids = serializers.PrimaryKeyRelatedField(
        source="tags", many=True, queryset=Tag.objects.all()
    )

    class Meta:
        model = Post
        fields = (
            "id",
            "title",
            "slug",
            "body",
            "status",
            "published_at",
            "views",
            "author_id",
            "reviewer_id",
            "tag_ids",
            "created_at",
            "updated_at",
        )
