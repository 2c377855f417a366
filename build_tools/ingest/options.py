"""Thresholds of the cleaning rules, as named constants grouped in one options object."""

from __future__ import annotations

from dataclasses import dataclass

# A line of at least this many characters is article prose: it starts the body and is
# never taken for a title, a heading or a prompt.
PARAGRAPH_MIN_CHARS = 140
# A date line ("Publié le 2 août 2025 à 14h05 - Mis à jour le 3 août 2025 à 09h12", "AFP 30
# avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)") is at most this long.
DATE_LINE_MAX_CHARS = 160
# A title found in the text is at most this long.
TITLE_MAX_CHARS = 200
# A heading is a short line without final punctuation between paragraphs.
HEADING_MAX_CHARS = 120
# A standfirst (chapô) is a single short line right after the byline or dateline.
STANDFIRST_MAX_CHARS = 300
# Prompts addressed to the reader (donations, sharing, reporting) are short.
PROMPT_MAX_CHARS = 300
# A notice about comment moderation is a few sentences at most.
NOTICE_MAX_CHARS = 600
# A short teaser line ("Que se passe-t-il en X ?") next to a prompt at the end of a page.
TEASER_MAX_CHARS = 100
# A news ticker: many short headlines run together on one line, separated by runs of
# (non-breaking) spaces.
TICKER_MIN_SEGMENTS = 5
TICKER_MAX_MEDIAN_SEGMENT_CHARS = 160
TICKER_SEPARATOR_MIN_SPACES = 3
# A quotation spread over several lines is closed within this many lines.
QUOTE_MAX_LINES = 12
# A line that ends a sentence and has at least this many words is article text wherever it
# stands; around the article, a line that is not one is page furniture.
SENTENCE_MIN_WORDS = 2
# Without a byline to stand before, a title has at least this many words (a line of one or
# two is a menu's or a section's name).
TITLE_MIN_WORDS = 3
# A kicker (surtitre: "Intelligence artificielle", "Une décision qui divise") above a title
# has at most this many words; a longer line right above the chosen title is the title.
KICKER_MAX_WORDS = 4
# Lines of at most KICKER_MAX_WORDS words, at least this many one under the other (blank
# lines aside, no byline or date among them), are a menu's items: none of them is a title.
MENU_MIN_ITEMS = 3
# A line whose words start a menu's item again at least this many times (a capitalised
# article right after a word in small letters, two words glued) is a menu's items run
# together, never a title: "Les pétitions à la une Les tops pétitions Les pétitions récentes".
RUN_TOGETHER_MIN_RESTARTS = 2
# A line longer than a heading, with no final punctuation and at least this many words
# glued to the next item's capitalised word (each word counted once), is a menu copied with
# no marks between its items ("Le BrexitBoris Johnson, Premier ministre britanniqueAngela
# MerkelLa commission…"); so is a line of one such word (a row of buttons:
# "FacebookTwitterYoutubeDailymotion"). On the development pages, 8 lines are such (6 long
# menus and tags, 2 rows of buttons), all furniture; no line of an article has more than two
# ("iOS et Android", "DropMega ou UptoMega").
GLUED_ITEMS_MIN = 3
# A breadcrumb ("Accueil > Articles > 2023 > Septembre > Le titre…") is at most this long.
BREADCRUMB_MAX_CHARS = 240
# A caption that ends with its photo credit is at most this long.
CAPTION_MAX_CHARS = 400
# A byline that is a name alone, next to a date line.
NAME_BYLINE_MAX_CHARS = 60
# Two lines next to each other, one the start of the other: the first is a twin (an
# image's description, then its caption) when it is at least this long.
TWIN_MIN_CHARS = 30
# A line of prose written again at most this many lines under itself, nothing of the text
# between: a picture's description and its caption (a credit, a count, buttons between).
CAPTION_TWIN_REACH = 4
# A line cut from a paragraph wrapped at a fixed width is at least this long (the Orishas
# Finance page wraps at about 70 characters; menus' and headings' lines are shorter).
WRAPPED_MIN_CHARS = 40
# A line that announces a list ("Le pays a bâti une formidable infrastructure de défense
# numérique :") has at least this many words ("Rubriques :" announces a menu).
LIST_INTRO_MIN_WORDS = 4
# An article of sections has at least this many headings between its paragraphs; its last
# section, a heading and a sentence after its last paragraph, is its own ("Moins en
# profondeur", then one sentence), where a box after an article without sections is not.
SECTION_HEADINGS_MIN = 2
# A standfirst is a sentence of at least this many words, ending with a full stop: above
# the title, such a line stays (the Luxemburger Wort sets its standfirst there), where a
# slogan ("Sans paiement. Sans abonnement.") or a teaser's question goes.
STANDFIRST_MIN_WORDS = 8
# A byline under the title stands among this many lines after it, blank lines aside (right
# under it, or under its standfirst).
BYLINE_REACH = 2
# A headline written twice in a page's head (a sticky bar, an image's text, then the
# article's) has its copies at most this many lines apart: copies further apart are a menu
# and the footer that repeats it (the Regards and Sciences et Avenir pages).
TITLE_COPY_REACH = 10
# Two paragraphs of an article have at most this many lines that end no sentence between
# them (headings, a photo and its caption, a box of links); past it, the prose that follows
# is the page's (a footer's legal text, comments). On the corpus, 12 loses an essay's notes
# after its boxes (La Vie des idées), 16 loses no line.
ARTICLE_GAP_MAX_LINES = 16
# A title stands near its byline: above a byline, a headline among this many lines over it
# (blank lines aside) is the title before one further up, which is the page's (a menu's
# "Suivre Regards sur Twitter" over "Accueil | Par X | date" and the headline under it).
# On the corpus, 4 is the least that finds every title above its byline (7sur7), and up to
# 12 changes nothing.
TITLE_BYLINE_REACH = 6
# A row of buttons (cues.yml, `run`: "Facebook", "Twitter", "LinkedIn"…) has at least this
# many lines one under the other; a line alone may be an article's heading.
CUE_RUN_MIN_LINES = 3
# A block of at least this many lines one under the other that the page writes twice, line
# for line, with a paragraph among them, is a box shown twice (CRIC's « about » text in its
# header and its footer, Courrier international's advertisements), not the article.
TWICE_BLOCK_MIN_LINES = 3
# A page lists other articles (or a live feed's items) newest first, each stamped with its
# date or time ("04.12.2019", "Publié le 2 août", "14:44 …"): at least this many stamps, one
# kind of moment, none later than the one before, …
DATED_LIST_MIN_ITEMS = 3
# … each at most this many lines (blank lines aside) under the one before: an item is its
# headline, a teaser, a kicker; …
DATED_ITEM_MAX_LINES = 8
# … after at least this many paragraphs of the article under its head (its byline, its
# date): a live feed under a title and a standfirst is the page's article (Les Echos'
# « Le fil info »), one after an article's paragraphs is not (Libération's « Direct »);
DATED_LIST_AFTER_PARAGRAPHS = 2
# … and each stamp a line of at most this many characters that ends no sentence (an
# article's "Le 6 août 2019, le député … a été condamné." opens with a date too).
STAMP_MAX_CHARS = 100
# An article's closing signature (its author, "Publié le …", its source) stands among this
# many lines after its last paragraph, blank lines aside (DW: the date 5 lines under it); a
# date further down is another article's.
SIGNATURE_REACH = 8
# Inside the article, at least this many lines of a few words one right under the other,
# none a sentence, are a menu or a form's fields, not the article's headings.
INNER_MENU_MIN_ITEMS = 6
# Under each name of a byline written one name a line, an author's box may set this many
# lines before the next name: its label and the author's role ("Aiman Ezzat", "Auteur",
# "Directeur général, Capgemini", "Paul Hermelin").
AUTHOR_BOX_LINES = 2
# Between a name alone and the date line that makes it the byline, a reading time of this
# many lines at most (« Guillaume Jacquot », « Temps de lecture : », « 2 min », « Publié le »),
# a blank line around each (Public Sénat).
BYLINE_BLOCK_LINES = 2
# A byline names at most this many authors, one a line ("Luc Ferrandez", "Nathalie
# Normandeau", "Paul Arcand"); more names one under the other are a list of people: a site's
# menu of its authors (AOC: ten names under « Auteurs »), a team.
BYLINE_MAX_NAMES = 4
# A comment's signature, its author and when ("Par Bruno Gobin, le mercredi 15 mai 2019 à
# 08h07", "(22 juin 2018 @11h13)"), is at most this long: a caption that tells a date is longer.
COMMENT_SIGNATURE_MAX_CHARS = 80
# A comment section with no heading shows itself by its signatures: at least this many
# commenters' names, each right above its comment's date or time alone, then the comment's
# text, a sentence within COMMENT_TEXT_REACH lines ("craftylandry", "24 janvier 2017",
# "12h10", "@sylvainchartrand", "Tic Toc", "L'avantage de 9 matchs…"); a name is at most
# COMMENT_NAME_MAX_WORDS words (an account's name, "Jean-Pierre Martin"); the signatures
# of one thread are at most COMMENT_MAX_LINES lines apart (a comment's length).
COMMENT_SIGNATURES_MIN = 3
COMMENT_MAX_LINES = 40
COMMENT_TEXT_REACH = 3
COMMENT_NAME_MAX_WORDS = 3
# A line written at least this many times on one page is a slide show's caption, whatever
# its length: an article does not write a paragraph three times.
REPEATS_MIN = 3
# Short lines one under the other, at least this many of them written again further down,
# each copy right over a paragraph of prose: a table of contents, its copies the headings.
TOC_MIN_ITEMS = 3


@dataclass(frozen=True)
class CleanOptions:
    paragraph_min_chars: int = PARAGRAPH_MIN_CHARS
    date_line_max_chars: int = DATE_LINE_MAX_CHARS
    title_max_chars: int = TITLE_MAX_CHARS
    heading_max_chars: int = HEADING_MAX_CHARS
    standfirst_max_chars: int = STANDFIRST_MAX_CHARS
    prompt_max_chars: int = PROMPT_MAX_CHARS
    notice_max_chars: int = NOTICE_MAX_CHARS
    teaser_max_chars: int = TEASER_MAX_CHARS
    ticker_min_segments: int = TICKER_MIN_SEGMENTS
    ticker_max_median_segment_chars: int = TICKER_MAX_MEDIAN_SEGMENT_CHARS
    ticker_separator_min_spaces: int = TICKER_SEPARATOR_MIN_SPACES
    quote_max_lines: int = QUOTE_MAX_LINES
    sentence_min_words: int = SENTENCE_MIN_WORDS
    title_min_words: int = TITLE_MIN_WORDS
    kicker_max_words: int = KICKER_MAX_WORDS
    menu_min_items: int = MENU_MIN_ITEMS
    run_together_min_restarts: int = RUN_TOGETHER_MIN_RESTARTS
    glued_items_min: int = GLUED_ITEMS_MIN
    caption_max_chars: int = CAPTION_MAX_CHARS
    breadcrumb_max_chars: int = BREADCRUMB_MAX_CHARS
    name_byline_max_chars: int = NAME_BYLINE_MAX_CHARS
    twin_min_chars: int = TWIN_MIN_CHARS
    caption_twin_reach: int = CAPTION_TWIN_REACH
    wrapped_min_chars: int = WRAPPED_MIN_CHARS
    list_intro_min_words: int = LIST_INTRO_MIN_WORDS
    section_headings_min: int = SECTION_HEADINGS_MIN
    repeats_min: int = REPEATS_MIN
    toc_min_items: int = TOC_MIN_ITEMS
    byline_reach: int = BYLINE_REACH
    standfirst_min_words: int = STANDFIRST_MIN_WORDS
    comment_signature_max_chars: int = COMMENT_SIGNATURE_MAX_CHARS
    comment_signatures_min: int = COMMENT_SIGNATURES_MIN
    comment_text_reach: int = COMMENT_TEXT_REACH
    comment_name_max_words: int = COMMENT_NAME_MAX_WORDS
    comment_max_lines: int = COMMENT_MAX_LINES
    title_copy_reach: int = TITLE_COPY_REACH
    article_gap_max_lines: int = ARTICLE_GAP_MAX_LINES
    signature_reach: int = SIGNATURE_REACH
    title_byline_reach: int = TITLE_BYLINE_REACH
    author_box_lines: int = AUTHOR_BOX_LINES
    byline_block_lines: int = BYLINE_BLOCK_LINES
    cue_run_min_lines: int = CUE_RUN_MIN_LINES
    twice_block_min_lines: int = TWICE_BLOCK_MIN_LINES
    dated_list_min_items: int = DATED_LIST_MIN_ITEMS
    dated_item_max_lines: int = DATED_ITEM_MAX_LINES
    dated_list_after_paragraphs: int = DATED_LIST_AFTER_PARAGRAPHS
    stamp_max_chars: int = STAMP_MAX_CHARS
    inner_menu_min_items: int = INNER_MENU_MIN_ITEMS
    byline_max_names: int = BYLINE_MAX_NAMES


DEFAULT_OPTIONS = CleanOptions()
