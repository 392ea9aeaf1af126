"""The one rule for small numbers: hand-worked tables."""

from partnerships.suppression import HIDDEN, count, hidden_with, suppress


def test_a_small_count_on_its_own_is_hidden_and_zero_is_shown():
    assert [count(n) for n in (0, 1, 4, 5, 12)] == [0, "<5", "<5", 5, 12]


def test_a_total_below_five_hides_every_cell_that_is_not_zero():
    table = suppress({"a": 3, "b": 0}, 3)
    assert table.cells == {"a": "<5", "b": 0} and table.total == "<5"


def test_one_small_cell_cannot_be_worked_out_by_subtraction():
    # The example: total 8, werkervaringsplaats 6, dienstverband 2. Showing 6 and 8
    # tells the 2, so the 6 is hidden too; hidden together they hold 8 (>= 5) and each
    # could be 1-4 and 4-7.
    table = suppress({"werkervaringsplaats": 6, "dienstverband": 2}, 8)
    assert table.cells == {"werkervaringsplaats": HIDDEN, "dienstverband": "<5"}
    assert table.total == 8


def test_the_next_smallest_cell_is_hidden_not_the_largest():
    table = suppress({"a": 20, "b": 7, "c": 2}, 29)
    assert table.cells == {"a": 20, "b": HIDDEN, "c": "<5"}


def test_two_small_cells_that_add_up_to_less_than_five_get_a_protector():
    # 1 + 1 behind two "<5" with 6 of 8 shown: both would have to be 1.
    table = suppress({"a": 6, "b": 1, "c": 1}, 8)
    assert table.cells == {"a": HIDDEN, "b": "<5", "c": "<5"}


def test_when_hiding_every_cell_still_tells_a_count_the_total_goes_too():
    # 1 and 5 make 6: a hidden "x" is at least 5, so "<5" would be 6 - 5 = 1.
    table = suppress({"a": 5, "b": 1}, 6)
    assert table.total_hidden and table.total == HIDDEN


def test_without_a_shown_total_only_small_cells_are_hidden():
    assert suppress({"a": 6, "b": 2}).cells == {"a": 6, "b": "<5"}


def test_jobs_of_fewer_than_five_people_are_hidden():
    assert hidden_with("0.50", 1) == HIDDEN
    assert hidden_with("3.50", 5) == "3.50"
    assert hidden_with("0.00", 0) == "0.00"
