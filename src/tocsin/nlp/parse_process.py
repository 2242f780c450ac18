"""Parse in a separate process: spaCy on one core, the coder on the other.

The coder is pure Python and holds the interpreter lock; in one process, spaCy and the
coder take turns however they are threaded. :class:`ParseProcess` starts one child process
that loads the spaCy pipelines and parses what it is sent, in order, while the calling
process codes the sentences already parsed. Parsed sentences come back as ``DocBin``
bytes (every annotation the coder reads: words, spaces, tags, parts of speech,
morphology, lemmas, norms, heads, labels, sentence starts) a chunk at a time, and are
read into a vocabulary of the same language in the caller: the same ``Doc`` objects,
without the models' weights in the caller's memory.

Requests are queued: the engine sends a batch's sentences as soon as the batch is read,
so the child parses the next batch while the caller codes this one. A request the caller
stops reading is finished by the child and its results dropped. The child is a fresh
interpreter (``python -m tocsin.nlp.parse_process``), talking over two pipes; it ends with
its :class:`ParseProcess` (:meth:`ParseProcess.close`, garbage collection or interpreter
exit), and by itself when the caller's end of the pipes closes (the caller ended).
"""

from __future__ import annotations

import itertools
import os
import queue
import subprocess
import sys
import threading
import weakref
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from tocsin.errors import ModelError, TocsinError

__all__ = ["ParseJob", "ParseProcess"]

#: annotations sent back: DocBin's defaults plus the norm
_ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
          "LEMMA", "MORPH", "POS", "SENT_START")
#: sentences per message from the child
CHUNK = 128
#: how long the caller waits for a message before checking that the child still runs (s)
_POLL_S = 1.0


def _serve(requests: Connection, responses: Connection, chunk: int, preload: Sequence[str] = ()) -> None:
    """The child's loop: parse each request's texts, send them back ``chunk`` at a time.

    A thread reads the requests as they come, so the caller never waits to send one while
    the child waits to send it results. The ``preload`` pipelines are loaded first (a
    language that fails to load is reported when a request asks for it)."""
    from tocsin.nlp.pipelines import Pipelines

    waiting: queue.Queue[Any] = queue.Queue()

    def read() -> None:
        try:
            while True:
                waiting.put(requests.recv())
        except (EOFError, OSError):  # the caller closed its end or ended
            waiting.put(None)

    threading.Thread(target=read, name="tocsin-parser-requests", daemon=True).start()
    pipelines = Pipelines()
    for lang in preload:
        try:
            pipelines.get(lang)
        except TocsinError:
            pass
    while True:
        message = waiting.get()
        if message is None:
            return
        job, groups = message
        try:
            for lang, texts in groups:
                nlp = pipelines.get(lang)
                docs: list[Doc] = []
                for doc in nlp.pipe(texts, batch_size=pipelines.sentence_batch_size):
                    docs.append(doc)
                    if len(docs) >= chunk:
                        responses.send(("docs", job, lang, _pack(docs)))
                        docs = []
                if docs:
                    responses.send(("docs", job, lang, _pack(docs)))
            responses.send(("done", job, None, None))
        except (EOFError, OSError):  # the caller went away
            return
        except Exception as exc:  # sent to the caller, raised where it reads
            kind = "model" if isinstance(exc, ModelError) else "other"
            responses.send(("error", job, kind, str(exc) if kind == "model" else f"{type(exc).__name__}: {exc}"))


def _pack(docs: Sequence[Doc]) -> bytes:
    box = DocBin(attrs=list(_ATTRS), store_user_data=False)
    for doc in docs:
        box.add(doc)
    return box.to_bytes()


class ParseProcess:
    """One child process that parses for this process (see the module's description)."""

    def __init__(self, *, chunk: int = CHUNK, preload: Sequence[str] = ()):
        """Start the child; it loads the pipelines of the ``preload`` languages at once (the
        others when first asked for)."""
        # a fresh interpreter running this module (not a fork: no copy of this process's
        # threads, files or memory; not multiprocessing's spawn: the caller's main module
        # is not imported again)
        request_read, request_write = os.pipe()
        response_read, response_write = os.pipe()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tocsin.nlp.parse_process", str(request_read), str(response_write), str(chunk),
             ",".join(preload)],
            pass_fds=(request_read, response_write), stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C stops the caller, which then ends the child
        )
        os.close(request_read)
        os.close(response_write)
        self._requests = Connection(request_write, readable=False)
        self._responses = Connection(response_read, writable=False)
        self._jobs = itertools.count()
        self._received: dict[int, deque[tuple[str, Any, Any]]] = {}
        self._dropped: set[int] = set()
        self._vocabs: dict[str, Vocab] = {}
        self._vocab_lock = threading.Lock()
        self._lock = threading.RLock()
        self._finalizer = weakref.finalize(self, _stop, self._process, self._requests, self._responses)
        # the vocabularies the docs are read into are made meanwhile: importing a language's
        # spaCy module takes seconds (the French one compiles its tokenizer exceptions)
        threading.Thread(target=lambda: [self._vocab(lang) for lang in preload],
                         name="tocsin-parser-vocabularies", daemon=True).start()

    @property
    def running(self) -> bool:
        return self._finalizer.alive and self._process.poll() is None

    def submit(self, groups: Sequence[tuple[str, list[str]]]) -> ParseJob:
        """Queue ``(language, texts)`` groups for parsing; the job gives their docs in order."""
        with self._lock:
            if not self._finalizer.alive:
                raise TocsinError("the parsing process is closed")
            job = next(self._jobs)
            self._received[job] = deque()
            try:
                self._requests.send((job, [(lang, list(texts)) for lang, texts in groups]))
            except OSError as exc:
                raise ModelError(f"the parsing process is not running ({exc})") from None
            return ParseJob(self, job)

    def close(self) -> None:
        """Stop the child (after the request it is parsing) and wait for it."""
        self._finalizer()

    # ------------------------------------------------------------------ reading
    def _next_message(self, job: int) -> tuple[str, Any, Any]:
        with self._lock:
            waiting = self._received[job]
            while not waiting:
                if not self._responses.poll(_POLL_S):
                    if self._process.poll() is not None:
                        raise ModelError(
                            f"the parsing process ended unexpectedly (exit code {self._process.returncode})")
                    continue
                try:
                    kind, other, a, b = self._responses.recv()
                except EOFError:
                    raise ModelError("the parsing process ended unexpectedly") from None
                if other in self._dropped:
                    if kind in ("done", "error"):
                        self._dropped.discard(other)
                    continue
                self._received[other].append((kind, a, b))
            return waiting.popleft()

    def _drop(self, job: int, finished: bool) -> None:
        with self._lock:
            self._received.pop(job, None)
            if not finished:
                self._dropped.add(job)

    def _vocab(self, lang: str) -> Vocab:
        with self._vocab_lock:
            vocab = self._vocabs.get(lang)
            if vocab is None:
                import spacy

                try:
                    vocab = self._vocabs[lang] = spacy.blank(lang).vocab
                except Exception as exc:  # an unknown language: the child reports it too
                    raise TocsinError(f"no spaCy vocabulary for {lang!r}: {exc}") from exc
            return vocab


class ParseJob(Iterator[Doc]):
    """The docs of one :meth:`ParseProcess.submit`, in the order of its texts."""

    def __init__(self, owner: ParseProcess, job: int):
        self._owner = owner
        self._job = job
        self._docs: deque[Doc] = deque()
        self._finished = False
        self._closed = False

    def __next__(self) -> Doc:
        while not self._docs:
            if self._finished or self._closed:
                raise StopIteration
            kind, a, b = self._owner._next_message(self._job)
            if kind == "docs":
                self._docs.extend(DocBin().from_bytes(b).get_docs(self._owner._vocab(a)))
            elif kind == "done":
                self._finish()
            else:
                self._finish()
                raise ModelError(b) if a == "model" else TocsinError(f"parsing failed: {b}")
        return self._docs.popleft()

    def _finish(self) -> None:
        self._finished = True
        self._owner._drop(self._job, finished=True)

    def close(self) -> None:
        """Stop reading: what the child still sends for this job is dropped."""
        if not self._closed and not self._finished:
            self._owner._drop(self._job, finished=False)
        self._closed = True
        self._docs.clear()


def _stop(process: subprocess.Popen[bytes], requests: Connection, responses: Connection) -> None:
    # the child reads the end of its requests, or fails to send results, and stops; one still
    # loading its models is not waited for (it holds nothing that needs putting away)
    requests.close()
    responses.close()
    try:
        process.wait(timeout=0.5)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False),
           int(sys.argv[3]), [lang for lang in sys.argv[4].split(",") if lang])
