from unittest import TestCase

from closeknit.checkin.content import markdown, resources_html


class MarkdownTestCase(TestCase):
    def test_it_converts_headings_paragraphs_and_lists(self) -> None:
        text = "## Title\n\nOne line\nand the next.\n\n- **First.** item\n- second\n\nAfter."
        self.assertEqual(
            markdown(text),
            '<h2 id="title">Title</h2>\n<p>One line\nand the next.</p>\n'
            "<ul>\n<li><strong>First.</strong> item</li>\n<li>second</li>\n</ul>\n<p>After.</p>\n",
        )

    def test_it_escapes_html_and_refuses_script_links(self) -> None:
        html = markdown('<script>alert("x")</script> & [a](javascript:x)')
        self.assertNotIn("<script>", html)
        self.assertIn("&lt;script&gt;", html)
        self.assertIn("&amp;", html)
        self.assertNotIn("href", html)

    def test_a_list_right_after_a_paragraph_closes_it(self) -> None:
        self.assertEqual(markdown("Intro:\n- a"), "<p>Intro:</p>\n<ul>\n<li>a</li>\n</ul>\n")

    def test_the_resources_page_has_its_sections(self) -> None:
        html = resources_html()
        self.assertIn(
            '<h2 id="talking-with-a-professional">Talking with a professional</h2>', html
        )
        self.assertIn('<h2 id="if-youre-in-crisis">If you\'re in crisis</h2>', html)
        self.assertNotIn("<h1>", html)  # the template has the page title
