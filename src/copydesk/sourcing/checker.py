"""The sourcing checker: for every claim figure, is a source in scope?

Per block (paragraph), sentences are scanned once for figures and cues. A claim figure is
attributed by an explicit cue in its own sentence whose scope covers it, by the identified
speaker of the quotation it sits in, or by carry-over from the previous sentence of the same
block when that sentence has its own explicit attribution and this one plainly continues it.
Carry-over is not transitive. With ``window: lenient`` any earlier explicitly attributed
sentence of the document on the same subject also counts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any, Final, NamedTuple

from copydesk.document.segment import split_sentences
from copydesk.sourcing.attribution import (
    Cue,
    SentenceCues,
    covers,
    find_agentless,
    find_cues,
    quoted_spans,
    speech_tag,
)
from copydesk.sourcing.figures import Figure, find_figures
from copydesk.sourcing.links import Link, find_links
from copydesk.sourcing.options import SourcingOptions
from copydesk.sourcing.prefilter import Probe, TextIndex, text_is_safe

__all__ = ["RULES", "SourcingChecker", "SourcingIssue"]

RULES: Final = (
    "unsourced-figure",
    "agentless-estimate",
    "vague-attribution",
    "vague-quantity",
)


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


class SourcingIssue(NamedTuple):
    """A figure (or a vague attribution phrase) with no source in scope."""

    start: int
    end: int
    rule: str
    figure: str
    message: str


class _Sentence:
    # A plain class rather than a dataclass: building a dataclass costs a one-article run
    # about a millisecond at import.
    __slots__ = (
        "_agentless",
        "_cues",
        "_speaker",
        "block",
        "end",
        "figures",
        "options",
        "probe",
        "quote_share",
        "quoted",
        "speaker_scope",
        "start",
        "text",
    )

    def __init__(
        self,
        start: int,
        end: int,
        block: int,
        figures: list[Figure],
        quoted: list[tuple[int, int]],
        quote_share: float,
        options: SourcingOptions,
        text: str,
        probe: Probe,
    ) -> None:
        self.start, self.end, self.block = start, end, block
        self.figures, self.quoted, self.quote_share = figures, quoted, quote_share
        self.options, self.text, self.probe = options, text, probe
        # Sentences whose speech tags can name the speaker of this sentence's quotation.
        self.speaker_scope: list[_Sentence] = []
        self._cues: SentenceCues | None = None
        self._agentless: list[Cue] | None = None
        self._speaker: bool | None = None

    @property
    def cues(self) -> SentenceCues:
        # Cues are needed only around figures, so most sentences never compute them.
        if self._cues is None:
            self._cues = find_cues(
                self.options,
                self.text,
                self.start,
                self.end,
                self.quoted,
                self.probe,
                agentless=False,
            )
        return self._cues

    @property
    def agentless(self) -> list[Cue]:
        # Hedges matter only for a figure left unattributed, so they are found last.
        if self._agentless is None:
            cues = self.cues
            self._agentless = find_agentless(
                self.options,
                self.text,
                self.start,
                self.end,
                self.quoted,
                cues.vague_spans,
                self.probe,
            )
            cues.agentless = self._agentless
        return self._agentless

    @property
    def run_has_speaker(self) -> bool:
        if self._speaker is None:
            self._speaker = any(
                speech_tag(s.options, s.cues, s.text, s.start, s.end, s.quoted, s.probe)
                for s in self.speaker_scope
            )
        return self._speaker

    @property
    def own_attribution(self) -> bool:
        # Carry-over continues reported speech; a closed direct quotation ends what was said.
        return self.quote_share < 0.3 and bool(self.cues.explicit)


_STOPWORDS: Final = _words(
    """
    the a an and or but of in on at to for from by with as is are was were be been being
    has have had will would could should may might can this that these those it its they
    them their there than then which who whom whose what when where while also into over
    under about after before said says told more most less some such other only just not
    year years month months week weeks people per cent percent million billion thousand
    hundred new last next first second third many much very well still even being he she
    his her him we our you your i me my
    """
)
_CONTENT_WORD: Final = r"[A-Za-z][A-Za-z'’-]{3,}"
# Reported speech shifts "will" back to "would"; "could" and "might" are as often the
# narrator's own speculation, so they do not continue an attribution.
_MODAL_BACKSHIFT: Final = r"\b(?:would|wouldn't)\b"
# A narrator's inference ("This means ...") breaks a carried attribution, unless the
# sentence is still backshifted reported speech ("This means it would cost ...").
_INFERENCE: Final = frozenset(("this means", "that means", "in other words"))


def _content_words(text: str) -> set[str]:
    words = set()
    for m in re.finditer(_CONTENT_WORD, text):
        w = m.group(0).lower().rstrip("'’s")
        if w not in _STOPWORDS and len(w) >= 4:
            words.add(w[:-1] if w.endswith("s") else w)
    return words


def _cue_text(text: str, cue: Cue) -> str:
    return re.sub(r"\s+", " ", text[cue.start : cue.end]).strip()


class SourcingChecker:
    """Find claim figures with no attribution in scope.

    ``options`` is the merged ``options:`` mapping of the sourcing rule files; missing keys
    take the defaults in :mod:`copydesk.sourcing.options`.
    """

    def __init__(self, options: Mapping[str, Any]) -> None:
        self.options = SourcingOptions.from_mapping(options)
        self._links: list[Link] = []

    def check(
        self,
        text: str,
        blocks: Sequence[tuple[int, int]],
        sentences: Sequence[tuple[int, int]] | None = None,
        source: str | None = None,
    ) -> list[SourcingIssue]:
        """Issues for ``text`` (masked document) in paragraph ``blocks``.

        When ``sentences`` is None each block is split with ``split_sentences``; given
        sentences are assigned to the block that contains their start. An empty ``blocks``
        means the whole text is one block. ``source`` is the original text at the same
        offsets (the masked text has link targets blanked); when given, hyperlinks and
        footnote references in it count as citations (option ``link_attribution``).
        """
        spans = list(blocks) or [(0, len(text))]
        per_block = self._sentences_by_block(text, spans, sentences)
        lowered = text.lower()
        # str.lower never shortens a character, so equal lengths mean the offsets line up.
        low_text = lowered if len(lowered) == len(text) else None
        all_safe = text_is_safe(text)
        doc_index = TextIndex(text, low_text) if all_safe and low_text is not None else None
        analysed: list[_Sentence] = []
        for index, block_sentences in enumerate(per_block):
            analysed.extend(
                self._analyse_block(text, index, block_sentences, low_text, all_safe, doc_index)
            )
        self._links = []
        if source is not None and self.options.link_attribution != "off":
            self._links = find_links(source)
        issues: list[SourcingIssue] = []
        for i, sent in enumerate(analysed):
            issues.extend(self._judge(text, analysed, i, sent))
        issues.sort(key=lambda issue: (issue.start, issue.end, issue.rule))
        return issues

    @staticmethod
    def _sentences_by_block(
        text: str,
        blocks: list[tuple[int, int]],
        sentences: Sequence[tuple[int, int]] | None,
    ) -> list[list[tuple[int, int]]]:
        if sentences is None:
            return [split_sentences(text, a, b) for a, b in blocks]
        grouped: list[list[tuple[int, int]]] = [[] for _ in blocks]
        starts = [a for a, _ in blocks]
        for a, b in sorted(sentences):
            index = bisect.bisect_right(starts, a) - 1
            if index >= 0 and a < blocks[index][1]:
                grouped[index].append((a, b))
        return grouped

    def _analyse_block(
        self,
        text: str,
        index: int,
        sentences: list[tuple[int, int]],
        low_text: str | None = None,
        all_safe: bool = False,
        doc_index: TextIndex | None = None,
    ) -> list[_Sentence]:
        opts = self.options
        quotes = quoted_spans(text, sentences)
        out: list[_Sentence] = []
        safe = True if all_safe else None
        for (lo, hi), quoted in zip(sentences, quotes, strict=True):
            if doc_index is not None:
                probe = Probe(text, lo, hi, index=doc_index)
            else:
                probe = Probe(text, lo, hi, None if low_text is None else low_text[lo:hi], safe)
            figures = find_figures(opts, text, lo, hi, probe)
            share = sum(b - a for a, b in quoted) / max(1, hi - lo) if quoted else 0.0
            out.append(_Sentence(lo, hi, index, figures, quoted, share, opts, text, probe))
        # Quote runs: consecutive sentences of quoted speech share the speaker named in any
        # of them or in the sentence just before or after the run.
        i = 0
        while i < len(out):
            if not out[i].quoted:
                i += 1
                continue
            j = i
            while (
                j + 1 < len(out)
                and out[j + 1].quoted
                and (out[j + 1].quoted[0][0] == out[j + 1].start or text[out[j + 1].start] in '"“')
            ):
                j += 1
            members = out[max(0, i - 1) : min(len(out), j + 2)]
            for k in range(i, j + 1):
                out[k].speaker_scope = members
            i = j + 1
        return out

    def _judge(
        self, text: str, sentences: list[_Sentence], i: int, sent: _Sentence
    ) -> list[SourcingIssue]:
        opts = self.options
        claims = [f for f in sent.figures if f.is_claim]
        issues: list[SourcingIssue] = []
        if not claims:
            if opts.vague_without_figure and sent.cues.vague and not sent.cues.explicit:
                cue = sent.cues.vague[0]
                phrase = _cue_text(text, cue)
                issues.append(
                    SourcingIssue(
                        cue.start,
                        cue.end,
                        "vague-attribution",
                        text[cue.start : cue.end],
                        f"'{phrase}' does not say who: name the source.",
                    )
                )
            return issues
        carried: bool | None = None
        for fig in claims:
            if self._attributed_in_sentence(text, sent, fig) or self._linked(text, sent, fig):
                continue
            if carried is None:
                carried = self._carried_over(text, sentences, i)
            if carried:
                continue
            issues.append(self._issue(text, sent, fig))
        return issues

    def _attributed_in_sentence(self, text: str, sent: _Sentence, fig: Figure) -> bool:
        inside = any(a <= fig.start < b for a, b in sent.quoted)
        if inside:
            return sent.run_has_speaker
        return any(covers(text, cue, fig.start, fig.end, sent.start) for cue in sent.cues.explicit)

    def _linked(self, text: str, sent: _Sentence, fig: Figure) -> bool:
        if not self._links:
            return False
        if self.options.link_attribution == "text":
            return any(
                link.text_start <= fig.start and fig.end <= link.text_end for link in self._links
            )
        # a footnote marker after the full stop ("... stories.[^1]") is masked markup, so the
        # sentence ends before it: it still cites that sentence
        return any(
            sent.start < link.end
            and (link.start < sent.end or _only_spaces(text, sent.end, link.start))
            for link in self._links
        )

    def _carried_over(self, text: str, sentences: list[_Sentence], i: int) -> bool:
        opts = self.options
        sent = sentences[i]
        if sent.cues.vague or sent.agentless:
            return False  # its own hedge marks the narrator's voice
        if opts.window == "lenient" and self._earlier_subject(text, sentences, i):
            return True
        if not opts.carryover or i == 0:
            return False
        prev = sentences[i - 1]
        if prev.block != sent.block or not prev.own_attribution:
            return False
        body = text[sent.start : sent.end]
        backshift = re.search(_MODAL_BACKSHIFT, body, re.IGNORECASE) is not None
        breaker = opts.carryover_breakers_re.match(body)
        inference = breaker and " ".join(re.findall(r"[a-z]+", breaker.group(0).lower()))
        if breaker and not (backshift and inference in _INFERENCE):
            return False
        if backshift or (
            sent.probe.has_token(opts.carryover_marker_words)
            and opts.carryover_markers_re.search(body)
        ):
            return True
        if self._cites_document(text, prev):
            return True  # more data from the same report, survey or figures
        need = opts.carryover_shared_words
        if need == 0:
            return False
        prev_words = _content_words(text[prev.start : prev.end])
        return len(_content_words(body) & prev_words) >= need

    def _cites_document(self, text: str, sent: _Sentence) -> bool:
        """Whether an explicit attribution of ``sent`` names a document or data source
        ("the survey found", "according to figures from", "a report by X said")."""
        documents = self.options.carryover_documents
        if not documents:
            return False
        for cue in sent.cues.explicit:
            # The source is the subject before a verb, or the words after a phrase or an
            # inverted verb ("..., said the report").
            window = text[max(sent.start, cue.start - 40) : min(sent.end, cue.end + 40)].lower()
            words = re.findall(r"[a-z]+", window)
            if not documents.isdisjoint(words):
                return True
            pairs = {f"{a} {b}" for a, b in pairwise(words)}
            if not documents.isdisjoint(pairs):
                return True
        return False

    @staticmethod
    def _earlier_subject(text: str, sentences: list[_Sentence], i: int) -> bool:
        body = _content_words(text[sentences[i].start : sentences[i].end])
        for prev in sentences[:i]:
            if prev.own_attribution:
                shared = body & _content_words(text[prev.start : prev.end])
                if len(shared) >= 2:
                    return True
        return False

    def _issue(self, text: str, sent: _Sentence, fig: Figure) -> SourcingIssue:
        figure = text[fig.start : fig.end]
        shown = re.sub(r"\s+", " ", figure)
        inside = any(a <= fig.start < b for a, b in sent.quoted)
        if sent.cues.vague:
            phrase = _cue_text(text, sent.cues.vague[0])
            return SourcingIssue(
                fig.start,
                fig.end,
                "vague-attribution",
                figure,
                f"'{shown}' rests on a vague source ('{phrase}'): name who says so.",
            )
        if sent.agentless:
            phrase = _cue_text(text, sent.agentless[0])
            question = _agentless_question(phrase)
            return SourcingIssue(
                fig.start,
                fig.end,
                "agentless-estimate",
                figure,
                f"'{shown}' is an estimate with no source ('{phrase}'): {question}",
            )
        if fig.kind == "vague":
            return SourcingIssue(
                fig.start,
                fig.end,
                "vague-quantity",
                figure,
                f"'{shown}' is a vague quantity with no source: how many, and who counted?",
            )
        if inside:
            why = "is quoted, but no speaker is named nearby"
        elif sent.cues.explicit:
            why = "lies outside the attributed clause"
        elif self.options.window == "lenient":
            why = "has no source earlier in the document"
        else:
            why = "has no source in this or the previous sentence"
        return SourcingIssue(
            fig.start, fig.end, "unsourced-figure", figure, f"'{shown}' {why}: who says so?"
        )


def _agentless_question(phrase: str) -> str:
    low = phrase.lower()
    if "estimat" in low:
        return "who estimated it?"
    if any(w in low for w in ("expect", "predict", "forecast", "project", "tipped", "set")):
        return "who expects it?"
    if any(w in low for w in ("report", "announc", "reveal", "disclos", "emerged")):
        return "who reported it?"
    if any(w in low for w in ("believ", "thought", "consider", "understood", "known")):
        return "who believes it?"
    return "who says so?"


def _only_spaces(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is blank within one line (masked markup reads as spaces)."""
    gap = text[start:end]
    return "\n" not in gap and "\r" not in gap and not gap.strip()
