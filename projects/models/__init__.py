from .comment import Comment, CommentReport
from .match import CityMatch, CityMatchProfile, ProjectMatch, ProjectMatchWords
from .media import ProjectDocument, ProjectImage
from .project import Project, ProjectLink
from .revision import ProjectRevision

__all__ = [
    "CityMatch",
    "CityMatchProfile",
    "Comment",
    "CommentReport",
    "Project",
    "ProjectDocument",
    "ProjectImage",
    "ProjectLink",
    "ProjectMatch",
    "ProjectMatchWords",
    "ProjectRevision",
]
