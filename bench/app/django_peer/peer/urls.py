from rest_framework.routers import DefaultRouter

from peer.views import PostViewSet

router = DefaultRouter(trailing_slash=False)
router.register("api/posts", PostViewSet)

urlpatterns = router.urls
