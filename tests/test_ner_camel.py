"""The camel backend: unavailable offline with one line; wired to NERecognizer when present.

A tiny BertForTokenClassification (a few KB, camel-tools' label set) built in a
temporary folder stands in for ``ner-arabert``; a stub catalogue in a temporary
``CAMELTOOLS_DATA`` keeps camel-tools' data module from going online.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.analysis.ner import BackendUnavailable, get_recognizer
from explorer.arabic.tokens import tokenize

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
WORDS = ["زار", "ترامب", "العراق", "و", "##ال", "سوريا", "أمس", "."]


def build_tiny_model(folder: Path, favourite: str) -> None:
    """A BERT token classifier that tags every word ``favourite`` (its bias decides)."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder.mkdir(parents=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    transformers.BertTokenizer(str(folder / "vocab.txt"),
                               do_lower_case=False).save_pretrained(folder)
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=8, num_hidden_layers=1, num_attention_heads=1,
        intermediate_size=8, max_position_embeddings=260, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={label: i for i, label in enumerate(LABELS)})
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[LABELS.index(favourite)] = 5.0
    model.save_pretrained(folder)


@pytest.fixture
def camel_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty camel-tools data folder with a stub catalogue (no datasets)."""
    home = tmp_path / "camel_tools"
    home.mkdir()
    (home / "catalogue.json").write_text(
        json.dumps({"version": "1.6", "packages": {}, "components": {}}), encoding="utf-8")
    monkeypatch.setenv("CAMELTOOLS_DATA", str(home))
    return home


def test_unavailable_without_data_and_auto_falls_back(camel_home: Path) -> None:
    with pytest.raises(BackendUnavailable) as error:
        get_recognizer("camel")
    assert "ner-arabert" in str(error.value) and "\n" not in str(error.value)
    assert get_recognizer("auto").name == "crf"


def test_tiny_bert_runs_through_nerecognizer(camel_home: Path) -> None:
    build_tiny_model(camel_home / "data" / "ner" / "arabert", "B-LOC")
    recognizer = get_recognizer("auto")
    assert recognizer.name == "camel"
    text = "زار ترامب والعراق.\nسوريا أمس"
    entities = recognizer.recognize(text, tokenize(text))
    found = [(entity.type, entity.text) for entity in entities]
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text
    # Every word is its own place; «والعراق» loses its و; «.» is a word piece too.
    assert found == [("LOC", "زار"), ("LOC", "ترامب"), ("LOC", "العراق"), ("LOC", "."),
                     ("LOC", "سوريا"), ("LOC", "أمس")]


def test_a_broken_model_folder_is_one_line(camel_home: Path) -> None:
    folder = camel_home / "data" / "ner" / "arabert"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(BackendUnavailable, match="camel NER cannot load") as error:
        get_recognizer("camel")
    assert "\n" not in str(error.value)
    assert get_recognizer("auto").name == "crf"


def test_default_recogniser_does_not_import_torch() -> None:
    code = ("import sys; from explorer.analysis.ner import get_recognizer; "
            "from explorer.arabic.tokens import tokenize; t = 'قال ترامب في واشنطن'; "
            "r = get_recognizer('crf'); r.recognize(t, tokenize(t)); "
            "print('torch' in sys.modules)")
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
