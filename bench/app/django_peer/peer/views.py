"""`/api/posts`: a ModelViewSet (pages come from settings: pagination.ItemsPagination)."""

from rest_framework import viewsets

from peer.models import Post
from peer.serializers import PostSerializer


class PostViewSet(viewsets.ModelViewSet):
    queryset = Post.objects.select_related("author", "reviewer").prefetch_related("tags")
    serializer_class = PostSerializer
