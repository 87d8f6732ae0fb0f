"""Training of the neural second pass (:mod:`explorer.analysis.ner.neural`) with torch.

Called by ``python -m explorer.analysis.ner.train`` after the first CRF: every training
sentence comes with the first-pass features its article got from a CRF that had not seen
it (three folds), so the tagger learns how far to trust them. Training is reproducible:
one thread, fixed seeds, deterministic algorithms, sentences batched by length in a seeded
order. Only this module imports torch; the shipped file holds plain arrays.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from explorer.analysis.ner.neural import (
    LABELS,
    MAX_CHARS,
    PAD,
    PIECE,
    UNKNOWN_CHAR,
    characters,
    forbidden_transitions,
)

if TYPE_CHECKING:
    import torch

# Word identities (folded form, stem) hidden at random while training, so the tagger also
# learns to tag a word from its shape and context alone, as it must for unseen names.
IDENTITY_PREFIXES = ("w=", "s=")


@dataclass(frozen=True, slots=True)
class NeuralConfig:
    epochs: int = 6
    feature_dim: int = 64
    char_dim: int = 24
    char_filters: int = 64
    phrase_dim: int = 8
    document_dim: int = 64
    hidden: int = 64
    dropout: float = 0.5
    identity_dropout: float = 0.2
    learning_rate: float = 2e-3
    decay: float = 0.8  # the learning rate is multiplied by this after each epoch
    averaged: int = 3  # the weights kept are the mean of those after the last this many epochs
    batch: int = 16
    min_count: int = 2
    seed: int = 0


@dataclass(slots=True)
class TrainingSentence:
    """One sentence as the tagger reads it: per word its own features, folded form,
    gazetteer phrase tag and first-pass features, and the gold tags."""

    own: list[list[str]]
    keys: list[str]
    phrases: list[str]
    documents: list[tuple[str, ...]]
    first_scores: np.ndarray  # (words, labels): the first CRF's label probabilities
    tags: list[str]


def valid_tags(tags: Sequence[str]) -> list[str]:
    """``tags`` with an ``I-X`` that continues nothing made ``B-X`` (as conlleval reads it),
    so no gold sequence needs a forbidden transition."""
    result = list(tags)
    for i, tag in enumerate(result):
        if tag.startswith("I-") and (i == 0 or result[i - 1][2:] != tag[2:]):
            result[i] = "B-" + tag[2:]
    return result


def _vocabulary(groups: list[list[str]], min_count: int) -> dict[str, int]:
    """Names seen at least ``min_count`` times, numbered from 1 in sorted order."""
    counts = Counter(name for group in groups for name in group)
    return {name: i for i, name in enumerate(
        sorted(name for name, count in counts.items() if count >= min_count), 1)}


@dataclass(frozen=True, slots=True)
class Vocabularies:
    """What the tagger has vectors for, each numbered from 1 (0: unknown or none)."""

    own: dict[str, int]
    document: dict[str, int]
    chars: dict[str, int]  # from 2: 1 is an unknown character
    phrases: dict[str, int]

    @classmethod
    def count(cls, sentences: list[TrainingSentence], min_count: int) -> Vocabularies:
        chars = _vocabulary([list(characters(k)) for s in sentences for k in s.keys], min_count)
        return cls(_vocabulary([f for s in sentences for f in s.own], min_count),
                   _vocabulary([f for s in sentences for f in s.documents], min_count),
                   {char: i + 1 for char, i in chars.items()},
                   _vocabulary([[p for p in s.phrases if p] for s in sentences], 1))


def encode(sentences: list[TrainingSentence], vocabularies: Vocabularies) -> list[tuple]:
    """Id lists of each sentence (pieces of at most ``PIECE`` words): own features,
    characters, phrase tags, first-pass features and valid gold tags of every word."""
    own, document, chars = vocabularies.own, vocabularies.document, vocabularies.chars
    pieces = []
    for s in sentences:
        tags = valid_tags(s.tags)
        for a in range(0, len(tags), PIECE):
            b = a + PIECE
            pieces.append((
                [[own[f] for f in group if f in own] for group in s.own[a:b]],
                [[chars.get(c, UNKNOWN_CHAR) for c in characters(k)] for k in s.keys[a:b]],
                [vocabularies.phrases.get(p, PAD) for p in s.phrases[a:b]],
                [[document[f] for f in group if f in document] for group in s.documents[a:b]],
                [LABELS.index(t) for t in valid_tags(tags[a:b])],
                s.first_scores[a:b]))
    return pieces


def build_model(vocabularies: Vocabularies, config: NeuralConfig) -> torch.nn.Module:
    """A tagger with fresh weights (seeded by the caller)."""
    return _build_model(len(vocabularies.own) + 1, len(vocabularies.chars) + 2,
                        len(vocabularies.phrases) + 1, len(vocabularies.document) + 1, config)


def train_neural(sentences: list[TrainingSentence], config: NeuralConfig,
                 report: bool = False) -> dict[str, np.ndarray]:
    """Train the tagger on ``sentences``; returns the arrays of ``neural.npz``."""
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(config.seed)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(config.seed)
    vocabularies = Vocabularies.count(sentences, config.min_count)
    identities = {i for name, i in vocabularies.own.items()
                  if name.startswith(IDENTITY_PREFIXES)}
    pieces = encode(sentences, vocabularies)
    model = build_model(vocabularies, config)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=config.decay)
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i][4]))
    batches = [order[i:i + config.batch] for i in range(0, len(order), config.batch)]
    model.train()
    sums: dict[str, torch.Tensor] = {}
    for epoch in range(config.epochs):
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            inputs, tags, mask = batch_tensors([pieces[i] for i in batch], identities,
                                               config.identity_dropout, rng)
            loss = model.loss(model(*inputs, mask), tags, mask)
            optimizer.zero_grad()
            (loss / len(batch)).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item()
        schedule.step()
        if report:
            print(f"neural epoch {epoch + 1}: loss {total:.0f}", flush=True)
        if epoch >= config.epochs - config.averaged:
            for name, value in model.state_dict().items():
                sums[name] = sums[name] + value if name in sums else value.clone()
    if sums:  # a mean of nearby weights tags more steadily than the last of them
        model.load_state_dict({name: value / config.averaged for name, value in sums.items()})
    return model.arrays(vocabularies)


def batch_tensors(pieces: list[tuple], identities: set[int], dropout: float,
                  rng: random.Random
           ) -> tuple[tuple[torch.Tensor, ...], torch.Tensor, torch.Tensor]:
    """Padded tensors of a batch of sentence pieces; word identities dropped at random."""
    import torch

    lengths = [len(piece[4]) for piece in pieces]
    longest = max(lengths)
    mask = torch.arange(longest)[None, :] < torch.tensor(lengths)[:, None]
    tags = torch.zeros(len(pieces), longest, dtype=torch.long)
    own, own_offsets, docs, doc_offsets, chars, phrases = [], [], [], [], [], []
    for row, (own_ids, char_ids, phrase_ids, doc_ids, tag_ids, _) in enumerate(pieces):
        tags[row, :len(tag_ids)] = torch.tensor(tag_ids)
        for ids in own_ids:
            own_offsets.append(len(own))
            own.extend(i for i in ids if i not in identities or rng.random() >= dropout)
        for ids in doc_ids:
            doc_offsets.append(len(docs))
            docs.extend(ids)
        chars.extend(char_ids)
        phrases.extend(phrase_ids)
    char_tensor = torch.zeros(len(chars), min(MAX_CHARS, max(map(len, chars))),
                              dtype=torch.long)
    for row, ids in enumerate(chars):
        char_tensor[row, :len(ids)] = torch.tensor(ids)
    inputs = (torch.tensor(own, dtype=torch.long), torch.tensor(own_offsets),
              char_tensor, torch.tensor(phrases), torch.tensor(docs, dtype=torch.long),
              torch.tensor(doc_offsets),
              torch.from_numpy(np.concatenate([piece[5] for piece in pieces]).astype(np.float32)))
    return inputs, tags, mask


def _build_model(own: int, chars: int, phrases: int, documents: int,
           config: NeuralConfig) -> torch.nn.Module:
    """The tagger as a torch module (defined here so that torch is imported only here)."""
    import torch
    from torch import nn

    pairs, first = (torch.tensor(mask, dtype=torch.float32) for mask in forbidden_transitions())

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.own = nn.EmbeddingBag(own, config.feature_dim, mode="sum", padding_idx=PAD)
            self.documents = nn.EmbeddingBag(documents, config.document_dim, mode="sum",
                                             padding_idx=PAD)
            self.chars = nn.Embedding(chars, config.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(config.char_dim, config.char_filters, 3, padding=1)
            self.phrases = nn.Embedding(phrases, config.phrase_dim, padding_idx=PAD)
            self.dropout = nn.Dropout(config.dropout)
            size = (config.feature_dim + config.char_filters + config.phrase_dim
                    + config.document_dim + len(LABELS))
            self.lstm = nn.LSTM(size, config.hidden, bidirectional=True, batch_first=True)
            self.output = nn.Linear(2 * config.hidden, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))
            # Sums of many feature vectors: small vectors keep the LSTM out of saturation.
            for table in (self.own, self.documents):
                nn.init.normal_(table.weight, std=0.1)
            nn.init.normal_(self.chars.weight, std=0.3)
            with torch.no_grad():
                for table in (self.own, self.documents, self.chars):
                    table.weight[PAD].zero_()

        def forward(self, own_ids, own_offsets, chars, phrases, doc_ids, doc_offsets,
                    first_scores, mask):
            convolved = self.conv(self.chars(chars).transpose(1, 2))
            convolved = convolved.masked_fill((chars == PAD).unsqueeze(1), -1e4)
            words = torch.cat([self.own(own_ids, own_offsets),
                               torch.relu(convolved.max(dim=2).values),
                               self.phrases(phrases),
                               self.documents(doc_ids, doc_offsets), first_scores], dim=1)
            padded = words.new_zeros(*mask.shape, words.shape[1])
            padded[mask] = words
            packed = nn.utils.rnn.pack_padded_sequence(
                self.dropout(padded), mask.sum(1), batch_first=True, enforce_sorted=False)
            states, _ = self.lstm(packed)
            states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True,
                                                         total_length=mask.shape[1])
            return self.output(self.dropout(states))

        def loss(self, scores, tags, mask):
            """The CRF's negative log-likelihood of the gold tags, summed over the batch."""
            transitions = self.transitions + pairs
            start = self.start + first
            rows = torch.arange(len(tags))
            gold = start[tags[:, 0]] + scores[rows, 0, tags[:, 0]]
            alpha = start + scores[:, 0]
            for t in range(1, tags.shape[1]):
                running = mask[:, t]
                gold = gold + (transitions[tags[:, t - 1], tags[:, t]]
                               + scores[rows, t, tags[:, t]]) * running
                following = torch.logsumexp(alpha.unsqueeze(2) + transitions, dim=1)
                alpha = torch.where(running.unsqueeze(1), following + scores[:, t], alpha)
            gold = gold + self.end[tags[rows, mask.sum(1) - 1]]
            return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()

        def arrays(self, vocabularies: Vocabularies) -> dict[str, np.ndarray]:
            def array(tensor: torch.Tensor) -> np.ndarray:
                return tensor.detach().numpy().astype(np.float32)

            def names(vocabulary: dict[str, int]) -> np.ndarray:
                return np.array(sorted(vocabulary, key=vocabulary.__getitem__), dtype=str)

            lstm = self.lstm
            return {
                "own_features": names(vocabularies.own), "own_vectors": array(self.own.weight),
                "document_features": names(vocabularies.document),
                "document_vectors": array(self.documents.weight),
                "characters": names(vocabularies.chars),
                "char_vectors": array(self.chars.weight),
                "conv_weight": array(self.conv.weight), "conv_bias": array(self.conv.bias),
                "phrases": names(vocabularies.phrases),
                "phrase_vectors": array(self.phrases.weight),
                "forward_input": array(lstm.weight_ih_l0),
                "forward_hidden": array(lstm.weight_hh_l0),
                "forward_bias": array(lstm.bias_ih_l0 + lstm.bias_hh_l0),
                "backward_input": array(lstm.weight_ih_l0_reverse),
                "backward_hidden": array(lstm.weight_hh_l0_reverse),
                "backward_bias": array(lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse),
                "output_weight": array(self.output.weight),
                "output_bias": array(self.output.bias),
                "transitions": array(self.transitions + pairs),
                "start": array(self.start + first), "end": array(self.end),
                "labels": np.array(LABELS, dtype=str),
            }

    return Tagger()
