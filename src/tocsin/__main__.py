"""``python -m tocsin …``: the same command line as the ``tocsin`` console script."""

from tocsin.cli import main

if __name__ == "__main__":
    main()
