"""Errors a service raises for the caller to show as they are: one plain sentence each."""


class ServiceError(Exception):
    """Base for refusals a user can understand and act on; nothing was written."""


class NotFoundError(ServiceError):
    pass


class InvalidInputError(ServiceError):
    pass
