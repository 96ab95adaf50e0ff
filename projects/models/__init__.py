from .comment import Comment, CommentReport
from .match import CityMatch, CityMatchProfile, ProjectMatch, ProjectMatchWords
from .media import ProjectDocument, ProjectImage
from .method_use import ProjectMethod
from .pending import PendingUpload
from .project import Project, ProjectLink
from .revision import ProjectRevision
from .summary import ListScope, ListSummary

__all__ = [
    "CityMatch",
    "CityMatchProfile",
    "Comment",
    "CommentReport",
    "ListScope",
    "ListSummary",
    "PendingUpload",
    "Project",
    "ProjectDocument",
    "ProjectImage",
    "ProjectLink",
    "ProjectMatch",
    "ProjectMatchWords",
    "ProjectMethod",
    "ProjectRevision",
]
