"""One § of a generated meeting: decision, yrkanden, propositionsordning, votes, reservations.

The rules followed are KL 5:53-56 (ja/nej propositions, simple majority, the chair's utslagsröst
on a tie), KL 4:27 (only those who took part may reserve), KL 5:67 (what the protocol records)
and DOMAIN 1.5-1.6 (formal yrkanden first; återremiss, bordläggning, utgår).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from protokoll.demo.attendance import Sitting
from protokoll.demo.organisation import MAJORITY, Body, Politician
from protokoll.demo.pools import AMENDMENTS, REFERRAL_REASONS, RESERVATION_TEXTS, STATEMENT_TEXTS


def person(p: Politician, role: str | None = None) -> dict:
    return {"name": p.name, "party": p.party, "role": role}


def genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else name + "s"


@dataclass
class Contest:
    """The result of a contested §: what the item records and how it ended."""

    motions: list[dict]
    proposition_order: str
    votes: list[dict]
    reservations: list[dict]
    statements: list[dict]
    outcome: str  # "decision" | "referral"
    winner: str  # "proposal" | "motion"
    opposing_kind: str
    opposing_text: str


def _motion(by: list[Politician], kind: str, text: str, withdrawn: bool = False) -> dict:
    return {"by": [person(p) for p in by], "kind": kind, "text": text, "withdrawn": withdrawn}


def _ballots(
    serving: list[Politician], yes_side: set[str], rng: random.Random, chair: str, tie: bool
) -> tuple[list[dict], int, int, int]:
    votes: dict[str, str] = {}
    for p in serving:
        votes[p.name] = "yes" if p.name in yes_side else "no"
    # Now and then a member or two abstain; the chair always votes (KL 4:25).
    if rng.random() < 0.15:
        others = [p for p in serving if p.name != chair]
        for p in rng.sample(others, k=min(len(others), rng.randint(1, 2))):
            votes[p.name] = "abstain"
    yes = sum(v == "yes" for v in votes.values())
    no = sum(v == "no" for v in votes.values())
    if tie and yes != no:
        bigger = "yes" if yes > no else "no"
        movable = [p for p in serving if votes[p.name] == bigger and p.name != chair]
        for p in rng.sample(movable, k=min(len(movable), abs(yes - no))):
            votes[p.name] = "abstain"
    elif not tie and yes == no:
        # Ties stay rare (the chair's utslagsröst is the exception): someone abstains instead.
        voting_no = [p for p in serving if votes[p.name] == "no"]
        if voting_no:
            votes[rng.choice(voting_no).name] = "abstain"
    ballots = [{"person": person(p), "vote": votes[p.name]} for p in serving]
    counts = [sum(b["vote"] == c for b in ballots) for c in ("yes", "no", "abstain")]
    return ballots, counts[0], counts[1], counts[2]


def contest(body: Body, sitting: Sitting, paragraph: int, rng: random.Random) -> Contest | None:
    """Opposing yrkanden on § paragraph, settled by acklamation or omröstning."""
    serving = sitting.serving_at(paragraph)
    chair = body.chair
    majority = [p for p in serving if p.party in MAJORITY]
    opposition = [p for p in serving if p.party not in MAJORITY]
    if not opposition or not majority:
        return None
    spec = body.spec
    proposal = spec.proposer
    lead = chair if rng.random() < 0.6 else rng.choice(majority)
    backers = [p for p in majority if p.name != lead.name]
    first = [lead] + rng.sample(backers, k=min(len(backers), rng.randint(0, 2)))
    motions = [_motion(first, "approval", f"bifall till {proposal}")]
    opp_lead = rng.choice(opposition)
    allies = [p for p in opposition if p.name != opp_lead.name]
    second = [opp_lead] + rng.sample(allies, k=min(len(allies), rng.randint(0, 2)))
    kind = rng.choice(("rejection", "amendment", "referral", "rejection"))
    if kind == "rejection":
        text = f"avslag på {proposal}"
    elif kind == "amendment":
        text = f"ändring {rng.choice(AMENDMENTS)}"
    else:
        text = f"återremiss med motiveringen att {rng.choice(REFERRAL_REASONS)}"
    motions.append(_motion(second, kind, text))
    if rng.random() < 0.12 and len(allies) > 2:
        motions.append(_motion([allies[-1]], "addition", "tillägg om en årlig uppföljning", withdrawn=True))

    opp_name = f"{genitive(opp_lead.name)} ({opp_lead.party}) yrkande"
    short = spec.short
    if kind == "referral":
        question = "Ja för att ärendet avgörs i dag, nej för att ärendet återremitteras."
        order = (
            f"Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras "
            f"och finner att {short} beslutar att avgöra ärendet i dag."
        )
    else:
        question = f"Ja för {proposal}, nej för {opp_name}."
        order = (
            f"Ordföranden ställer proposition på {proposal} mot {opp_name} och finner att "
            f"{short} bifaller {proposal}."
        )
    votes: list[dict] = []
    yes_side = {p.name for p in majority}
    if rng.random() < 0.15:
        # A majority party breaks ranks now and then, so the opposition can win a vote.
        parties = sorted({p.party for p in majority if p.name != chair.name})
        if parties:
            rebel = rng.choice(parties)
            yes_side = {p.name for p in majority if p.party != rebel}
    if rng.random() < 0.5:
        tie = rng.random() < 0.05
        ballots, yes, no, abstain = _ballots(serving, yes_side, rng, chair.name, tie)
        order += " Omröstning begärs och verkställs. Följande propositionsordning godkänns: " + question
        casting = yes == no
        votes.append(
            {
                "question": question,
                "yes": yes,
                "no": no,
                "abstain": abstain,
                "absent": 0,
                "ballots": ballots,
                "casting_vote": casting,
                "lottery": False,
            }
        )
        # On a tie the chair's utslagsröst decides (KL 5:56); the chair votes ja here.
        proposal_wins = yes > no or casting
        losers = [
            p
            for p in serving
            if next(b["vote"] for b in ballots if b["person"]["name"] == p.name)
            == ("no" if proposal_wins else "yes")
        ]
    else:
        proposal_wins = True
        losers = second
    winner = "proposal" if proposal_wins else "motion"
    outcome = "referral" if kind == "referral" and not proposal_wins else "decision"

    reservations: list[dict] = []
    parties = []
    for p in losers:
        if p.party not in parties:
            parties.append(p.party)
    for party in parties:
        if rng.random() < 0.55:
            by = [p for p in losers if p.party == party]
            written = rng.random() < 0.3
            wording = rng.choice(RESERVATION_TEXTS) if written else "till förmån för eget yrkande"
            reservations.append({"by": [person(p) for p in by], "text": wording, "written": written})
    statements: list[dict] = []
    if rng.random() < 0.15:
        who = rng.choice(serving)
        statements.append(
            {"kind": "special_statement", "by": [person(who)], "text": rng.choice(STATEMENT_TEXTS)}
        )
    if rng.random() < 0.15:
        pool = sitting.idle_substitutes or serving
        who = rng.choice(pool)
        statements.append({"kind": "protocol_note", "by": [person(who)], "text": rng.choice(STATEMENT_TEXTS)})
    return Contest(motions, order, votes, reservations, statements, outcome, winner, kind, text)
