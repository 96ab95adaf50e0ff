from .comment import Comment, CommentReport
from .media import ProjectDocument, ProjectImage
from .project import Project, ProjectLink
from .revision import ProjectRevision

__all__ = [
    "Comment",
    "CommentReport",
    "Project",
    "ProjectDocument",
    "ProjectImage",
    "ProjectLink",
    "ProjectRevision",
]
