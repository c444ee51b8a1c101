"""gongfu: audited, comparable numbers from Chinese local-news reports on common prosperity."""

__version__ = "0.1.0"
