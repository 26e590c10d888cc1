"""The English detector finds English and passes Spanish with its bracketed terms."""

from tests.i18n.english import english_pieces, english_words


def test_english_is_found() -> None:
    assert english_pieces(["You would still owe $2,000 after the car is sold."])
    assert english_pieces(["Sale price"])


def test_spanish_passes_with_its_english_term_and_citations() -> None:
    spanish = (
        "Todavía debería $2,000 después de que se venda el auto: una sentencia por "
        "deficiencia (deficiency judgment) lo permite. Fuente: Fair Credit Reporting Act."
    )
    assert english_words(spanish) == []
    assert english_pieces([spanish, "Precio de venta"]) == []
