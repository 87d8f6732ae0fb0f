"""Training on corpora of other conventions without taking them on: feature augmentation.

WikiFANE is Wikipedia annotated with other conventions (head nouns inside names: «نادي
الهلال», «قناة الجزيرة»); learnt plainly beside the news corpora it teaches those too, and
gains nothing. So each training word's CRF features are given twice: as they are, shared by
every corpus, and under a prefix naming its domain. The shared weights learn what holds
everywhere, each domain's copy what holds only there. A linear model's score is a sum over
features, so tagging in one domain is the shared weights plus that domain's copy: they are
added once when the model is read (:func:`domain_view`), and tagging costs what it did.
"""

from __future__ import annotations

import numpy as np

from explorer.analysis.ner.crfsuite_file import CrfWeights

NEWS = "news"
WIKIFANE = "wikifane"
DOMAINS = (NEWS, WIKIFANE)
_MARK = "@"
# The word feature every word has; the neural pass's domain feature is added to it.
_BIAS = "bias"


class DomainFeatures:
    """Prefixes features with their domain; the prefixed strings are made once each."""

    def __init__(self) -> None:
        self._copies: dict[tuple[str, str], str] = {}

    def augment(self, sentence: list[list[str]], domain: str) -> list[list[str]]:
        """Each word's features, then the same under ``domain``'s prefix."""
        copies = self._copies
        result = []
        for features in sentence:
            own = list(features)
            for feature in features:
                key = (domain, feature)
                copy = copies.get(key)
                if copy is None:
                    copy = copies[key] = f"{domain}{_MARK}{feature}"
                own.append(copy)
            result.append(own)
        return result


def domain_view(weights: CrfWeights, domain: str = NEWS) -> CrfWeights:
    """The weights that tag ``domain``: each shared attribute's plus its copy's, and no
    other domain's copies. A model trained without domains is returned as it is."""
    prefixes = tuple(f"{name}{_MARK}" for name in DOMAINS)
    names = list(weights.attributes)  # in row order
    if not any(name.startswith(prefixes) for name in names):
        return weights
    own = f"{domain}{_MARK}"
    rows, bases = [], []
    for row, name in enumerate(names):
        if name.startswith(own):
            bases.append(name[len(own):])
        elif name.startswith(prefixes):
            continue
        else:
            bases.append(name)
        rows.append(row)
    kept, where = np.unique(np.array(bases, dtype=object), return_inverse=True)
    state = np.zeros((len(kept) + 1, len(weights.labels)))
    np.add.at(state, where, weights.state[rows])
    return CrfWeights(weights.labels, dict(zip(kept.tolist(), range(len(kept)), strict=True)),
                      state, weights.transition)


def domain_bias(domain: str) -> str:
    """The neural pass's feature that tells it a word's domain. The pass sums the vectors
    of a word's features, so the news domain's vector joins that of ``bias``, which every
    word has, when the arrays are saved (:func:`neural_domain_view`)."""
    return f"{domain}{_MARK}{_BIAS}"


def neural_domain_view(arrays: dict[str, np.ndarray], domain: str = NEWS
                       ) -> dict[str, np.ndarray]:
    """The neural pass's arrays for tagging ``domain``: its domain vector added to that of
    ``bias``, and no domain features left."""
    names = arrays["own_features"].tolist()
    vectors = arrays["own_vectors"].copy()  # row 0 is padding; name i is row i + 1
    rows = {name: i + 1 for i, name in enumerate(names)}
    if domain_bias(domain) in rows and _BIAS in rows:
        vectors[rows[_BIAS]] += vectors[rows[domain_bias(domain)]]
    kept = [i for i, name in enumerate(names) if _MARK + _BIAS not in name]
    return {**arrays, "own_features": np.array([names[i] for i in kept], dtype=str),
            "own_vectors": vectors[[0, *(i + 1 for i in kept)]]}
