import doctest
from unittest import TestCase

from closeknit.appreciate import hints
from closeknit.assessment import scoring as assessment_scoring
from closeknit.checkin import content
from closeknit.checkin import scoring as checkin_scoring


class DocstringExamplesTestCase(TestCase):
    def test_the_examples_in_the_docstrings_hold(self) -> None:
        for module in (checkin_scoring, assessment_scoring, content, hints):
            with self.subTest(module=module.__name__):
                self.assertEqual(doctest.testmod(module).failed, 0)
