"""Realistic text for the large benchmark database: debrief answers, Q&A, highlights, notes.

Sentences are drawn from templates whose slots are filled from word banks (technologies,
concepts, teams, people's names), so the text reads like a debrief and the search index sees
a vocabulary of a few thousand words with common, rare and misspelt-ish terms, as a user's
would. Deterministic for a given random.Random.
"""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    """The words of a bank written as one string."""
    return tuple(text.split())


FIRST = _words(
    "Priya Marcus Lena Tom Bill Milton Peter Gavin Aisha Wei Sofia Diego Hannah Omar Yuki Chloe "
    "Noah Emma Liam Olivia Ava Ethan Mia Lucas Zoe Mateo Amara Kofi Ingrid Lars Anya Ivan Mei "
    "Ravi Sanjay Fatima Leila Hugo Camille Jonas Elin Bjorn Nadia Tariq Rosa Pablo Ines Joao "
    "Ana Kenji Haruto Sakura Min-jun Seo-yeon Thabo Zanele Chidi Ngozi Amir Dana Noor Eli Maya "
    "Grace Henry Jack Ruby Oscar Isla Leo Freya Arjun Kavya Rohan Sara Felix Clara Emil Nora"
)
LAST = _words(
    "Raman Chen Ortiz Baker Lumbergh Waddams Gibbons Belson Khan Zhang Rossi Garcia Mueller "
    "Haddad Tanaka Martin Smith Johnson Brown Lee Walker Hall Young King Wright Lopez Hill Scott "
    "Green Adams Nelson Carter Mitchell Perez Roberts Turner Phillips Campbell Parker Evans "
    "Edwards Collins Stewart Sanchez Morris Rogers Reed Cook Morgan Bell Murphy Bailey Rivera "
    "Cooper Richardson Cox Howard Ward Torres Peterson Gray Ramirez James Watson Brooks Kelly "
    "Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patel "
    "Nguyen Kim Park Singh Kumar Okafor Mensah Novak Horvat Kowalski Jansen Dubois Silva Costa"
)
PREFIX = _words(
    "Acme Globex Initech Hooli Umbrella Stark Wayne Wonka Tyrell Cyberdyne Soylent Vandelay "
    "Pied Aperture Black Blue Red Green Silver Golden North South East West Bright Clear Swift "
    "Nimbus Quantum Vector Atlas Orion Polaris Zenith Summit Harbor River Cedar Maple Granite "
    "Iron Copper Cobalt Nova Lumen Vertex Apex Pioneer Frontier Keystone Beacon Canopy Delta "
    "Echo Falcon Juniper Kestrel Lattice Meridian Onyx Prism Quill Sierra Tundra"
)
SUFFIX = _words(
    "Robotics Systems Labs Analytics Health Bank Logistics Energy Foods Media Games Software "
    "Networks Dynamics Cloud Security Payments Insurance Retail Motors Aerospace Biotech "
    "Education Travel Studios Capital Mobility Devices Data Works Group Partners "
    "Interactive Technologies Foundry Digital Industries"
)
ROLES = (
    "Backend Engineer",
    "Site Reliability Engineer",
    "Platform Engineer",
    "Staff Platform Engineer",
    "Senior Software Engineer",
    "Data Engineer",
    "Engineering Manager",
    "Frontend Engineer",
    "Security Engineer",
    "Machine Learning Engineer",
    "Product Engineer",
    "Principal Engineer",
)
TITLES = (
    "Director of Platform",
    "Engineering Manager",
    "Staff Engineer",
    "Senior Engineer",
    "Technical Recruiter",
    "VP Engineering",
    "Product Manager",
    "Principal Engineer",
    "Office Manager",
    "Tech Lead",
)
TECH = _words(
    "kafka postgres redis kubernetes terraform graphql react rust golang python spark airflow "
    "grpc elasticsearch s3 lambda dynamodb cassandra clickhouse snowflake dbt flink envoy istio "
    "prometheus grafana datadog opentelemetry nginx haproxy rabbitmq celery django fastapi "
    "typescript swift kotlin webassembly sqlite bigquery pulumi ansible vault consul nomad"
)
CONCEPT = (
    "back-pressure idempotency sharding caching rate-limiting observability on-call "
    "incident-review code-review pairing migrations feature-flags canary-releases "
    "data-modelling schema-design consistency retries circuit-breakers queues batching "
    "latency-budgets capacity-planning load-shedding blue-green-deploys chaos-testing "
    "runbooks postmortems hiring-loops mentoring roadmaps estimation tech-debt accessibility "
    "localisation privacy encryption key-rotation audit-logs billing reconciliation"
)
CONCEPTS = tuple(c.replace("-", " ") for c in _words(CONCEPT))
TEAMS = _words(
    "platform payments growth search infrastructure data mobile security billing checkout "
    "identity messaging analytics ml-ops developer-experience"
)
WELL = (
    "The {concept} question went well: I drew the {tech} design and {name} nodded at it.",
    "Good rapport with {name} about {concept}; we laughed about a {tech} outage we both lived.",
    "I explained how we cut p99 latency by {n}% with {tech}, and it clearly landed.",
    "My story about leading the {team} migration was crisp, with numbers and a clear lesson.",
    "{name} asked follow-ups on {concept}, which felt like genuine interest, not a trap.",
    "I kept the system design answer structured: requirements, {tech}, {concept}, trade-offs.",
    "When the whiteboard got messy I paused, summarised, and {name} said that helped.",
    "The live coding went fine; I wrote tests first and talked through the {concept} edge cases.",
    "I asked about the {team} roadmap early, and the conversation opened up after that.",
    "They liked that I had read their blog post on {tech} and had a question about it.",
)
BETTER = (
    "Answer the failure question with a shorter story and a clearer lesson about {concept}.",
    "I rambled on {tech}; next time lead with the conclusion, then the details.",
    "Ask {name} about how success is measured in the first ninety days.",
    "Prepare a crisper example of disagreeing with a manager about {concept}.",
    "Slow down on the estimation question; I guessed {n} servers without showing my working.",
    "Bring up the {team} work earlier, it is the most relevant thing I have done.",
)
POINTS = (
    "The {team} team is {n} people and owns the {tech} pipeline end to end.",
    "They want someone to lead the move off legacy batch jobs onto {tech} by next quarter.",
    "On-call is one week in {n}, with a follow-the-sun rotation across two offices.",
    "The role is half hands-on, half coordinating with the {team} and {team2} teams.",
    "Success after six months: {concept} in place and the {tech} costs down by {n}%.",
)
FLAGS = (
    "Third reorg in two years; nobody could say who owns the {team} budget.",
    "{name} dodged the question about attrition on the {team} team.",
    "On-call sounded heavy: {n} pages a week and no runbooks for {tech}.",
    "The offer timeline kept moving, and the recruiter was vague about the level.",
)
FIT = (
    "Engineering-led, thoughtful people, a fair pay band; a good fit if the {team} reorg settles.",
    "They care about {concept} and write things down, which I value a lot.",
    "Remote-friendly with a real office in the city; the commute would be fine.",
    "Growth is strong but the {tech} stack is older than they admit.",
)
WISH = (
    "How is success measured in the first 90 days?",
    "Who decides the order of the {tech} migration?",
    "What happened to the last person in this role?",
    "How does the {team} team handle disagreements about {concept}?",
    "What would make you say this hire was a mistake a year from now?",
)
QUESTIONS = (
    "Design a rate limiter for a public API.",
    "Tell me about your biggest failure.",
    "How would you migrate {n} batch jobs onto {tech} without downtime?",
    "What is the CAP theorem, in your own words?",
    "Tell me about a conflict with a teammate and how you resolved it.",
    "How would you design {concept} for the {team} service?",
    "Walk me through debugging a slow {tech} query in production.",
    "Why are you leaving your current job?",
    "What are your salary expectations?",
    "How do you prioritise a crowded backlog?",
    "Describe a time you mentored a junior engineer.",
    "How would you shard a table of {n} billion rows?",
    "What does good {concept} look like to you?",
    "Explain how you would roll back a bad {tech} deploy.",
    "Where do you see yourself in five years?",
    "How do you handle an incident at 3am when the runbook is wrong?",
)
ANSWERS = (
    "I talked through {concept} with {tech}, covering the failure modes and the trade-offs.",
    "I started with the requirements, then sketched the {tech} layout and the hot paths.",
    "I used the {team} outage from last year as the example and what we changed after it.",
    "Froze for a moment, then gave a textbook answer; I should have used a real example.",
    "Token bucket per key with a sliding window fallback; we discussed hot keys and {tech}.",
    "Strangler pattern, one job a week, shadow runs and diff checks before each switch.",
    "I said I would measure first, then fix the worst offender, and explained {concept}.",
)
HIGHLIGHT = (
    "{name} built the first {tech} service herself; loved the {concept} discussion.",
    "{name} cares about humane on-call; we agreed on runbooks before heroics.",
    "{name} mentioned their {team} team is hiring two more people next quarter.",
    "We talked about {concept} for ten minutes; {name} is writing a post about it.",
    "{name} coaches a robotics team on weekends and lit up talking about it.",
    "{name} asked about my open source work on {tech}; send the link.",
)
NOTE_BODY = (
    "Thank you for taking the time to talk with me about the {team} role.",
    "I especially enjoyed our discussion of {concept} and how your team uses {tech}.",
    "It was great to hear how the {team} team approaches {concept} day to day.",
    "Since we spoke I have been thinking about the {tech} migration you described.",
    "I would love to help with {concept}, and I think my work on {tech} would carry over.",
    "Your point about {concept} stayed with me, and I wrote down two ideas I would try first.",
    "I am excited about the role and about working with the {team} team.",
    "Please let me know if I can send anything else that would help your decision.",
)


class Writer:
    """Sentences and paragraphs from the banks above, for one random.Random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        """A person's full name."""
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def fill(self, template: str, name: str = "") -> str:
        """One sentence with its slots filled."""
        r = self.rng
        return template.format(
            name=name or r.choice(FIRST),
            tech=r.choice(TECH),
            concept=r.choice(CONCEPTS),
            team=r.choice(TEAMS),
            team2=r.choice(TEAMS),
            n=r.randint(2, 60),
        )

    def text(self, bank: tuple[str, ...], words: int, name: str = "") -> str:
        """About `words` words of sentences from `bank`, in paragraphs of 3 to 6 sentences."""
        out: list[str] = []
        count = 0
        paragraph: list[str] = []
        while count < words:
            sentence = self.fill(self.rng.choice(bank), name)
            paragraph.append(sentence)
            count += sentence.count(" ") + 1
            if len(paragraph) >= self.rng.randint(3, 6):
                out.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            out.append(" ".join(paragraph))
        return "\n\n".join(out)

    def note(self, first: str, words: int = 180) -> str:
        """A thank-you note of about `words` words to someone called `first`."""
        return f"Dear {first},\n\n{self.text(NOTE_BODY, words)}\n\nBest regards,\nSam"


ANSWER_BANKS = {"B3": (WELL, 250), "B4": (BETTER, 80), "B6": (POINTS, 90)}
ANSWER_BANKS.update({"B7": (FLAGS, 40), "B8": (FIT, 70), "B9": (WISH, 35)})
