"""The one exception the project raises for problems a user can fix."""


class GongfuError(Exception):
    """A problem with the input or the set-up, worded for the person running the pipeline.

    The message names the file or parameter at fault and says what to do; the CLI prints it
    as one line and exits non-zero, the notebooks show it as the cell's error.
    """

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for it in a notebook (and papermill repeats): the one line, not a traceback."""
        return [f"GongfuError: {self}"]
