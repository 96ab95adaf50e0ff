"""A task queue as in production, for tests that must see what a request leaves to the worker.

The test settings run tasks eagerly (in-process after the commit); ``TaskQueue`` switches that
off, so tasks wait on Celery's in-memory broker until ``run_all()`` plays the worker.
"""

from contextlib import contextmanager

from django.test import TestCase

from alliance_portal.celery import app

QUEUE = "celery"  # Celery's default queue


class TaskQueue:
    def _take(self) -> list[tuple[str, list, dict]]:
        taken = []
        with app.connection_for_read() as connection, connection.SimpleQueue(QUEUE) as queue:
            while True:
                try:
                    message = queue.get(block=False)
                except queue.Empty:
                    return taken
                args, kwargs, _embed = message.decode()
                taken.append((message.headers["task"], args, kwargs))
                message.ack()

    def names(self) -> list[str]:
        """The names of the tasks waiting, in order; they are taken off the queue."""
        return [name for name, _args, _kwargs in self._take()]

    def run_all(self) -> list[str]:
        """Run the waiting tasks, and the ones they queue, until none is left, as a worker
        would (their own on-commit callbacks included); returns the names of those run."""
        done = []
        while waiting := self._take():
            for name, args, kwargs in waiting:
                with TestCase.captureOnCommitCallbacks(execute=True):
                    app.tasks[name].apply(args=args, kwargs=kwargs)
                done.append(name)
        return done


@contextmanager
def queued_tasks():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        queue = TaskQueue()
        queue.names()  # empty it of what an earlier test may have left
        yield queue
    finally:
        app.conf.task_always_eager = eager
