from .comment import Comment, CommentReport
from .media import ProjectDocument, ProjectImage
from .project import Project, ProjectLink
from .revision import ProjectRevision
from .summary import ListScope, ListSummary

__all__ = [
    "Comment",
    "CommentReport",
    "ListScope",
    "ListSummary",
    "Project",
    "ProjectDocument",
    "ProjectImage",
    "ProjectLink",
    "ProjectRevision",
]
