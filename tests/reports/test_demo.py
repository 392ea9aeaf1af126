"""The demo's reports part: a published, acknowledged note and an interim evaluation."""

from __future__ import annotations

from sqlalchemy import select

from partnerships.extensions import db
from partnerships.reports import demo
from partnerships.reports.models import Evaluation, ProgressNote


def test_demo_seeds_a_published_note_and_an_evaluation(scene, make):
    people = {
        demo.COORDINATOR: scene.coordinator,
        demo.BOARD: scene.board,
        demo.CONTRACT_MANAGER: make.member(scene.pilot, role="contract_manager"),
    }
    demo.seed(pilot=scene.pilot, people=people, suppliers=[scene.supplier_org])
    db.session.commit()
    note = db.session.scalar(select(ProgressNote))
    assert note.is_published and note.figures["as_of"] == "2026-09-30"
    assert [a.user_id for a in note.acknowledgements] == [scene.board.id]
    evaluation = db.session.scalar(select(Evaluation))
    assert len(evaluation.lessons) == 2
    assert evaluation.contributions[0].supplier_organisation_id == scene.supplier_org.id


def test_full_demo_runs(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(
        select(ProgressNote).where(ProgressNote.period_label == "Kwartaal 3 2026")
    )
