/**
 * Post-filters on Readability's output for generic pages. Readability finds the right container
 * but keeps what sits inside it: image captions and credits, share bars, "Read more" promos,
 * bylines and date lines, author bios, related-story lists and newsletter boxes after the last
 * paragraph. Each rule below is general (no site names) and was measured on
 * /work/shared/corpus/article-extraction-benchmark; the pages cited are from its ground truth.
 */
import type { Block } from '../core/types';
import {
  descendantsTagged,
  HEADING_TAGS,
  inlineText,
  listBlocks,
  NESTED_BLOCK_TAGS,
  PICTURE_FILE,
  type Classification,
} from '../core/blocks';
import { attributeOf } from '../core/attr';
import { ELEMENT_NODE, TEXT_NODE } from '../core/dom';
import { cjkCharacters, collapse, countWords } from '../core/text';
import { MONTH_NAME } from '../core/dates';

/** What a video player's clock or length line is (see FURNITURE_LINES, captionVideoPoster). */
const MEDIA_PLAYER = 'media player';

/** The address of an account on a social network, written out (see FURNITURE_LINES). */
const SOCIAL_PROFILE = String.raw`https?://(?:www\.)?(?:fb\.me|facebook\.com|twitter\.com|x\.com|instagram\.com|t\.me|line\.me|youtube\.com|tiktok\.com)/`;

/** What a box classed for a newsletter sign-up is (see dropNewsletterBoxes). */
const NEWSLETTER_BOX = 'newsletter box';

/**
 * Class/id words (whole `-`/`_`-separated parts of a class or id) that mark an element inside
 * the article container as not part of the story.
 */
const CLUTTER_CLASS_WORDS: Record<string, string> = {
  // Captions and credits of photos outside <figcaption>: ctpost.com "Photo: … AP" (.caption),
  // express.co.uk "(Image: GETTY)", smithsonianmag.com.
  caption: 'image caption',
  captions: 'image caption',
  credit: 'image credit',
  credits: 'image credit',
  // MediaWiki's caption of a thumbnail, `div.thumbcaption` after the picture's link in
  // `div.thumbinner` (Wikipedia before 2023, Fandom wikis).
  thumbcaption: 'image caption',
  // Slideshows whose only text is "Image 1 of 23", captions and "Close" (chron.com, sfgate.com).
  gallery: 'photo gallery',
  slideshow: 'photo gallery',
  carousel: 'photo gallery',
  // Hover cards that print a person's name and latest headlines inside a paragraph (thehill.com).
  rollover: 'hover card',
  tooltip: 'hover card',
  popover: 'hover card',
  hovercard: 'hover card',
  // Share bars ("Whatsapp Facebook Pint Baixar" after every paragraph, mensagensreflexao.com.br).
  share: 'share bar',
  sharing: 'share bar',
  social: 'share bar',
  // Bylines, datelines and author boxes (nypost.com "View author archive", 9to5mac.com bios).
  byline: 'byline',
  bio: 'author bio',
  // Related stories and promos (cleveland.com "You may also like…", aljazeera.com "More:").
  related: 'related stories',
  recommended: 'related stories',
  newsletter: NEWSLETTER_BOX,
  // Readers' comments under a post (`section#comments > ol.comment-list`, Mozilla's Firefox
  // Nightly blog): not "comment", the word opinion sections use.
  comments: 'comments',
  commentlist: 'comments',
  promo: 'promo',
  advertisement: 'advertisement',
};

/**
 * A class-matched element is skipped only while it holds less than this share of the article's
 * text, so a wrapper whose class happens to say `share` or `related` cannot take the story.
 */
const MAX_CLUTTER_SHARE = 0.25;

/** Tags inside the article container that hold page furniture, never story text. */
const CLUTTER_TAGS = new Set([
  // Article headers repeat the headline, byline and dates (nytimes.com "Opinion Columnist").
  'header',
  'nav',
  // A <figcaption> outside an image figure (a video or a lazy image Readability dropped).
  'figcaption',
]);

/**
 * Whole blocks that are page furniture wherever they stand. Every block of a page is tried
 * against all of them, so they are written to fail fast on story text: no \b in a pattern with
 * the /iu flags (V8 then matches each \b against Unicode case folding; the tweet, typo-report
 * and post-meta patterns cost 5 to 6 times more that way, over 10,000 corpus blocks), and /u only
 * where a pattern needs \p{…}. Non-ASCII letters still match without their case under /i alone.
 */
const FURNITURE_LINES: {
  pattern: RegExp;
  why: string;
  /** Only a block of one line (no line break) this long or shorter. */
  maxLength?: number;
}[] = [
  {
    // "Advertisement", "Advert" (morebikes.co.uk), "Continue Reading Below" (foxbusiness.com),
    // "Skip to content", "Text size" (barrons.com), "Enlarge Image" (nypost.com), "Caption" and
    // "Close" of slideshows, "Loading content ..." (albawaba.com), "comments", "Comments (5
    // posted)" (lwn.net), "Continue reading the main story" (nytimes.com), "BREAKING NEWS"
    // (sfgate.com), "RECENT ARTICLES" (autoindustriya.com), "Iklan" ("Advertisement",
    // kabarislamia.com), "Table of Contents" over a table of contents (see isTableOfContents),
    // "Leave a reply", "Добавить отзыв" ("Add a review", under the story's "Отзывы": vse-diety.com),
    // "Video Ad Feedback" (cnn.com, on each video's player).
    pattern:
      /^(?:advertisement|advert|(?:video )?ad feedback|sponsored|skip to(?: main)? content|continue reading(?: below| the main story)?|story continues below|text size|enlarge(?: this)? image|caption|close|loading(?: content)?|\d*\s*comments?(?: \(\d+ posted\))?|post comment.*|sign in|subscribe|log ?in|print|view author archive.*|this slideshow requires javascript\.?|highlights|see tweets\s*:?|by|share(?: this)?(?: article| story| on \w+)?|breaking news|recent articles|table of contents|iklan|(?:add|leave|write|post) a (?:comment|reply|review)|(?:добавить|оставить|написать) (?:отзыв|комментарий))[^\p{L}\p{N}]*$/iu,
    why: 'furniture label',
  },
  {
    // A media player's clock, which video.js writes under its video ("Current Time 0:00",
    // "Duration Time 0:00", "Remaining Time -0:00": independent.co.uk's Brightcove player), and
    // the length and source cnn.com prints under each video it embeds ("02:12 - Source: CNN").
    pattern:
      /^(?:(?:current|remaining|elapsed|duration)(?: time)?\s*-?\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}:\d{2}(?::\d{2})?\s+-\s+source\s*:\s*\S+(?:\s+\S+){0,3})$/i,
    why: MEDIA_PLAYER,
  },
  {
    // "Image 1 of / 23", "1of4", "of 6" (therepublic.com: the number before it is a picture's).
    pattern: /^(?:image|photo|slide)?\s*(?:\d+\s*)?of\s*(?:\/\s*)?\d+$/i,
    why: 'slideshow counter',
  },
  {
    // Credit lines: "Photo: Hau Dinh, AP", "(Image: © TNG Collaboration)", "© Aaron Schwartz",
    // "Credit...Doug Mills/The New York Times", "Фото: …", "личный архив Олеси Куприн" ("from
    // the personal archive of …": wday.ru). Short: "© 2019 Associated Press. All Rights
    // Reserved. …" closes the story text on detroit.cbslocal.com, and the truth keeps it.
    pattern:
      /^(?:\(?(?:photo|image|picture|credit|foto|source|фото)s?\s*(?:credit)?\s*(?::|\.\.\.|…)|©|личный архив\s)/i,
    why: 'image credit',
    maxLength: 80,
  },
  {
    // Captions ending with their credit: "The plague wiped out half of Europe (Image: GETTY)".
    pattern: /\((?:image|photo|picture|credit)s?\s*:[^()]*\)$/i,
    why: 'image caption',
  },
  {
    // Agency credit lines under photos: "Natalie Naccache | Bloomberg | Getty Images".
    pattern:
      /^[^.!?]{0,80}(?:getty images|associated press|reuters|afp|shutterstock|ap photo)\)?$/i,
    why: 'image credit',
  },
  {
    // Promo lead-ins: "READ MORE: …" (express.co.uk), "Read more: …" (cityam.com), "Related: …"
    // (livescience.com), "Also: …" (zdnet.com), "On HoustonChronicle.com: …" (chron.com).
    pattern:
      /^(?:read more|see more|more|related(?: post| coverage| stories| articles)?|also|recommended|on [\w-]+\.(?:com|co\.uk|org))\s*(?::|\.\.\.|…)/i,
    why: 'promo link',
  },
  {
    // The same lead-ins in other languages: "Lire aussi : Les critiques de la CNIL …"
    // (lemonde.fr), "Lea también:", "Leia também:", "Lesen Sie auch:", "Mehr zum Thema:",
    // "Читайте также:", "اقرأ أيضا:", with their colon (or an arrow) as a story's sentence
    // never has it; and the labels of Chinese, Japanese, Korean and Thai sites, which need none
    // ("เรื่องที่เกี่ยวข้อง" ("related stories") and a story's headline: prachatai.com).
    pattern:
      /^(?:(?:(?:à )?lire aussi|voir aussi|le(?:a|e) también|ve(?:a|r) también|leia (?:também|mais)|veja também|lesen sie auch|mehr zum thema|siehe auch|czytaj (?:też|także|również)|lees ook|läs också|l(?:e|æ)s også|lue myös|читайте также|смотрите также|[اإ]قرأ أيضا?ً?)\s*(?::|›|»|>)|(?:関連記事|関連ニュース|相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|관련 ?기사|เรื่องที่เกี่ยวข้อง))/i,
    why: 'promo link',
  },
  {
    // Promo lead-ins without a colon: "Also on rt.com …", "DON'T MISS …", "Leggi anche".
    pattern: /^(?:also on [\w-]+\.[a-z]{2,3}|don'?t miss|leggi anche)\b/i,
    why: 'promo link',
  },
  {
    // "CLICK HERE TO GET THE FOX NEWS APP", "READ MORE ON FOX BUSINESS BY CLICKING HERE", and
    // a "Click To Tweet" button on a line of its own (see TWEET_BUTTON for one after a quote).
    // Word edges as lookarounds, not \b (see above).
    pattern:
      /^(?:click here|get [\w\s]{0,40} on the go)(?![\p{L}\p{N}])|^click to tweet[^\p{L}\p{N}]*$|(?<![\p{L}\p{N}])by clicking here[^\p{L}\p{N}]*$/iu,
    why: 'promo link',
  },
  {
    // Share and follow prompts: "Like this story? Share it with a friend!" (rt.com), "Follow
    // Newsbeat on Instagram, Facebook, Twitter and YouTube." (bbc.com Newsbeat).
    pattern:
      /^(?:like this (?:story|article)\?.*share|share (?:this|on)\b|follow (?:\S+ ){0,4}on (?:twitter|facebook|instagram))/i,
    why: 'share prompt',
  },
  {
    // A short paragraph that asks the reader to follow the site or the writer, or to join its
    // forums: the author's note or the site's plug at the end (space.com "… is out now. Follow
    // him on Twitter @michaeldwall.", "Join our Space Forums …"; nj.com "Have a tip? … Follow her
    // on Twitter @AmyKup"; ign.com "Welcome to IGN's Daily Deals … Follow us at Twitter
    // @igndeals."). None is in the benchmark's truth.
    pattern:
      /\b(?:follow (?:us|him|her|them|me)\b(?: (?:on|at) (?:twitter|facebook|instagram|linkedin)\b| @\w)|join our \w+(?: \w+)? (?:forums?|community)\b)/i,
    why: 'follow prompt',
    maxLength: 400,
  },
  {
    // Newsletter boxes: "Sign up to our newsletter …", "Get the latest updates right in your
    // inbox." (nj.com), "Every day we send an email with the top stories" (digg.com), "Want more
    // stories like this?" over digg.com's sign-up box.
    pattern:
      /^(?:sign up (?:to|for)\b.*\b(?:newsletter|updates|alerts)|get (?:the latest|breaking news)\b.*\b(?:inbox|alerts)|subscribe to\b|every day we send an email|want more (?:stories|articles|news) like this\?$)/i,
    why: NEWSLETTER_BOX,
  },
  {
    // A short plug whose last sentence asks the reader to sign up: "Start your day with the Opening
    // Bell powered by The Water Coolest. … Sign up for the free daily newsletter." (dealbreaker.com).
    pattern:
      /(?:^|[.!?]\s+)sign up (?:to|for)\b[^.!?]{0,40}\bnewsletters?(?: here| today| now)?[.!]?$/i,
    why: NEWSLETTER_BOX,
    maxLength: 300,
  },
  {
    // A short line that promises the reader's inbox: "Let our news meet your inbox."
    // (nbcnews.com), "… the free daily newsletter delivered to your inbox daily." (dealbreaker.com).
    pattern: /\b(?:to|in|into|meet) your inbox\b/i,
    why: NEWSLETTER_BOX,
    maxLength: 250,
  },
  {
    // Breadcrumb trails, on one short line and not a sentence: "Mensagens » Mensagens de
    // Autoestima » Só quem se Ama…" (mensagensreflexao.com.br), "福娘童話集 > きょうのイソップ童話
    // > …" (readability-test-pages/hukumusume).
    pattern: /^[^.!?>›»]+(?:\s[>›»]\s[^.!?>›»]+){2,}$/,
    why: 'breadcrumb trail',
    maxLength: 160,
  },
  {
    // Tag and category lines: "Filed under: Khawarij", "Tags calendario stock car 2018, stock
    // car brasil, …" (autoracing.com.br): a label, then a colon or a list, and no sentence.
    pattern:
      /^(?:tags?|tagged(?: with)?|filed under|categories|category)(?:\s*:|\s(?=(?:[^,]*,){2}))[^.!?]*$/i,
    why: 'tag list',
  },
  {
    // How to reach the writer: "Write to Al Root at allen.root@dowjones.com" (barrons.com),
    // "Reach the reporters on Twitter at http://twitter.com/MegKinnardAP and …" (ctpost.com).
    pattern:
      /^(?:write to|(?:reach|contact) the (?:reporter|writer|author)s?)\b.*(?:@|https?:\/\/|\btwitter\b)/i,
    why: 'contact line',
    maxLength: 250,
  },
  {
    // A pointer to more coverage elsewhere, ending in its address: "Follow AP's full coverage of
    // Brexit and British politics at https://www.apnews.com/Brexit" (hosted.ap.org), "More AP
    // NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports" (mysanantonio.com).
    pattern:
      /^(?:(?:follow|for more|see more|listen|watch|download)\b|more [^:.!?]{1,40}:)[^.!?]*?\bhttps?:\/\/\S+(?:\s+and\s+https?:\/\/\S+)?$/i,
    why: 'promo link',
    maxLength: 250,
  },
  {
    // A row of labelled addresses: "Listen: http://po.st/TP_615 Download: http://… iTunes:
    // http://…" (a podcast's links, telegraph.co.uk).
    pattern:
      /^\p{L}[\p{L} ]{0,19}:\s*https?:\/\/\S+(?:\s+\p{L}[\p{L} ]{0,19}:\s*https?:\/\/\S+)+\s*$/u,
    why: 'promo link',
  },
  {
    // The site's accounts given by their addresses, in any language: "ติดตามประชาไทอัพเดท ได้ที่:
    // เฟซบุ๊ก https://fb.me/prachatai ทวิตเตอร์ https://twitter.com/prachatai LINE ไอดี = @prachatai"
    // ("Follow Prachatai's updates at: Facebook … Twitter …", newspaper4k's thai_article). No other
    // line of the corpus writes out even one such address. After the contact and promo lines,
    // which may name accounts too.
    pattern: new RegExp(`${SOCIAL_PROFILE}.*${SOCIAL_PROFILE}`, 'i'),
    why: 'follow prompt',
    maxLength: 250,
  },
  {
    // The words of a row of share buttons: "Share Tweet Submit" (wccftech.com), "Whatsapp
    // Facebook Pint Baixar" ("Pint[erest]", "Download": mensagensreflexao.com.br).
    pattern:
      /^(?:(?:share|tweet|submit|pin(?: it)?|pint|pinterest|email|e-mail|print|whatsapp|facebook|twitter|linkedin|reddit|flipboard|copy link|baixar|compartilhar)\s*){2,}$/i,
    why: 'share bar',
  },
  {
    // Notes on the comments below the story: "Note: we are temporarily moderating all comments
    // submitted …" (thespacereview.com), "ATENÇÃO: Comentários com textos ininteligíveis … não
    // serão aprovados pelo moderador." (autoracing.com.br).
    pattern:
      /^(?:note|notice|attention|atenção|aviso|nota)\s*:.*\b(?:comments?|comentários|commenti)\b/i,
    why: 'comments note',
    maxLength: 300,
  },
  {
    // Membership and print-subscription plugs: "If you enjoyed this article, … Join NRPLUS."
    // (nationalreview.com), "Get Motor Cycle Monthly delivered through your letterbox every
    // month. 12 issues for £11.99. …" (morebikes.co.uk).
    pattern:
      /^if you (?:enjoyed|liked|valued|appreciated) this (?:article|story|post)\b.*\b(?:join|subscribe|support us|become a member|donate)\b|\b(?:delivered (?:to|through) your letter ?box\b|\d+ issues for [£$€])/i,
    why: 'subscription plug',
    maxLength: 400,
  },
  {
    // A blogging tool's shortcode printed as text, not run: "[button link=… type=”big”] Send us
    // YOUR kit review[/button]" (morebikes.co.uk).
    pattern: /^\[([a-z_-]+)(?![a-z_-])[^\]]*\].*\[\/\1\]$/i,
    why: 'unrendered shortcode',
  },
  {
    // How to report a typo: "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo
    // teksta fragmentu redaktoram!" ("Select the text and press Ctrl+Enter to send it to the
    // editor": lsm.lv), as Latvian, Russian and Ukrainian sites print it under the story.
    // A line that only mentions the keys ("Press Ctrl+Enter to run the cell") is story text.
    pattern:
      /^(?=.*\bctrl\s*\+\s*enter\b).*(?:typo|mistake|error|report|ошиб|опечат|помил|kļūd|redaktor|редак)/i,
    why: 'typo report note',
    maxLength: 250,
  },
  {
    // The same box's other lines: its heading "Kļūda rakstā?" ("A mistake in the article?") and,
    // for phones, "Iezīmējiet tekstu un spiediet uz Ziņot par kļūdu pogas, lai nosūtītu labojamo
    // teksta fragmentu redaktoram!" ("Select the text and press the Report a mistake button to
    // send it to the editor": lsm.lv, newspaper4k's latvian_article): a line that tells the reader
    // to select the text, names a mistake and sends it on.
    pattern:
      /^(?:kļūda rakstā|found a (?:typo|mistake)|spotted (?:a|an) (?:typo|mistake|error)|(?:нашли|заметили) ошибку)\s*\?$|^(?:iezīmējiet|select|highlight|выделите|виділіть) (?:the )?(?:tekstu|text|fragment|текст|фрагмент)[^.!?]*(?:kļūd|typo|mistake|error|ошиб|опечат|помил)[^.!?]*(?:redaktor|editor|редак|nosūtī|send|отправ)/i,
    why: 'typo report note',
    maxLength: 250,
  },
  {
    // A post's meta line: "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde -
    // Tags: …" (jaraguadosul.com.br).
    pattern:
      /\b(?:posted|published|publicado|publicada) (?:by|por)\s*:.*\b(?:categor(?:y|ies|ia)|tags?)\s*:/i,
    why: 'post meta line',
    maxLength: 300,
  },
];

const MONTH = String.raw`${MONTH_NAME}\.?`;
/**
 * A weekday's name or its usual short forms ("Tue", "Tues.", "Thurs"), and nothing longer: a
 * heading "Thunderbird" (wikipedia), "Sunset" or "Saturn" is no date.
 */
const WEEKDAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?`;

/**
 * Words a date line may hold besides the date itself: "Updated 5:27 am CST, Wednesday, November
 * 20, 2019" (chron.com), "PUBLISHED: 10:48, Tue, Nov 19, 2019" (express.co.uk), "Published 1
 * day ago" (foxbusiness.com).
 */
const DATE_LINE_NOISE = new RegExp(
  String.raw`\b(?:${MONTH}|${WEEKDAY}|published|updated|posted|first|last|originally|original|on|at|am|pm|a\.m|p\.m|[a-z]{1,2}t|gmt|utc|est|edt|pst|pdt|cst|cdt|cet|ist|hst|et|pt|ago|days?|hours?|minutes?|mins?|just now|today|yesterday|th|st|nd|rd)\b|\d+`,
  'gi',
);

const DATE_EVIDENCE = new RegExp(
  String.raw`\b(?:${MONTH}|${WEEKDAY})(?=[\s\d,.]|$)|\d{1,2}:\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\bago\b`,
  'i',
);

/**
 * Month and weekday names, and the words around a date, in the other languages of the corpus's
 * news pages (Portuguese, Spanish, French, German, Italian): "segunda-feira, 22 de janeiro de
 * 2018 às 0:13" (autoracing.com.br), "Publicado el 3 de marzo de 2019", "mis à jour le 5 mars",
 * "Veröffentlicht am 14. März 2019, 10:12 Uhr", "pubblicato il 5 marzo alle ore 12"; and in
 * Arabic, with the Levantine and the Egyptian names of the months side by side as sites print
 * them: "الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)" ("Wednesday, 28 August 2013, last
 * updated 14:00": CNN Arabic).
 */
const MONTHS_ELSEWHERE =
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|décembre|januar|jänner|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول|يناير|فبراير|مارس|[أا]بريل|مايو|يوني[وه]|يولي[وه]|[أا]غسطس|سبتمبر|[أا]كتوبر|نوفمبر|ديسمبر';
const WEEKDAYS_ELSEWHERE =
  'segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|الأحد|ال[اإ]ثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت';
const DATE_WORDS_ELSEWHERE =
  'de|del|da|do|às|as|a|las|la|le|à|el|em|en|il|am|um|uhr|alle|ore|h|publicado|publicada|atualizado|atualizada|actualizado|actualizada|publié|publiée|mis à jour|modifié|veröffentlicht|aktualisiert|pubblicato|aggiornato|آخر تحديث|تحديث|نشر|في|الساعة|بتوقيت';
/** A whole word of these lists (JavaScript's \b knows only ASCII letters). */
const wordOf = (list: string) => new RegExp(`(?<![\\p{L}])(?:${list})(?![\\p{L}])`, 'giu');
const DATE_EVIDENCE_ELSEWHERE = wordOf(`${MONTHS_ELSEWHERE}|${WEEKDAYS_ELSEWHERE}`);
const DATE_LINE_NOISE_ELSEWHERE = wordOf(
  `${MONTHS_ELSEWHERE}|${WEEKDAYS_ELSEWHERE}|${DATE_WORDS_ELSEWHERE}`,
);

/**
 * A time of day on a line of its own ("4:14 p.m.") marks an update of a live story, AP's "The
 * Latest" (sfgate.com): the updates under it happened then, so it is story text, as "10 p.m."
 * over the update before it already was. With "a.m." or "p.m." only: "8:09" alone is a video's
 * length (cnet.com).
 */
const CLOCK_TIME_ONLY = /^\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?:\s+[a-z]{2,4})?$/i;

/** A block that is only a date (and the words around one), no sentence. */
export function isDateLine(text: string): boolean {
  // A date needs a month or weekday name, a clock time, a numeric date or "ago": a bare number
  // is a table cell (autoracing.com.br standings), not a date.
  if (text.length > 100 || CLOCK_TIME_ONLY.test(text)) return false;
  DATE_EVIDENCE_ELSEWHERE.lastIndex = 0;
  // With a day and a year or an hour beside the name: "Mars 2020" is a rover, "Domingo" a
  // name, "Le 15 Mai" a film (wikipedia-4).
  const elsewhere =
    DATE_EVIDENCE_ELSEWHERE.test(text) &&
    /(?<!\d)\d{1,2}(?!\d)/.test(text) &&
    /(?<!\d)(?:19|20)\d\d(?!\d)|\d[:h]\d\d/.test(text);
  if (!elsewhere && !DATE_EVIDENCE.test(text)) return false;
  let rest = text.replace(DATE_LINE_NOISE, ' ');
  // Their little words ("de", "a", "am") only count beside one of their month or day names.
  if (elsewhere) rest = rest.replace(DATE_LINE_NOISE_ELSEWHERE, ' ');
  return rest.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().length === 0;
}

/**
 * "By Paul Takahashi", "By Justine Coleman - 11/18/19 11:04 PM EST", "By Matthew Digby , Minh Do
 * on Monday, November 18th, 2019 at 11:08 a.m." (politifact.com): a byline line, not a sentence.
 */
function isBylineLine(text: string): boolean {
  return (
    // "By …", or a label for the writers: "Autori: Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu
    // redaktore)" (lsm.lv), "Автор: …", "Auteur : …".
    /^(?:by\s+|(?:authors?|written by|autori|autors|autor(?:es|a|ka)?|auteurs?|автор[ыа]?)\s*:\s*)\S/iu.test(
      text,
    ) &&
    text.split(/\s+/).length <= 14 &&
    !/(?<![ap]\.m)[.!?]["”’]?$/i.test(text)
  );
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Why `text` is page furniture, or null when it may be story text. */
export function furnitureReason(text: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no words'; // "___" separators
  // A length test instead of `(?=.{0,n}$)` in each pattern: the lookahead scanned up to n
  // characters of every block for every pattern, before its first word could fail it.
  const lineLength = LINE_BREAK.test(text) ? Infinity : text.length;
  for (const { pattern, why, maxLength = Infinity } of FURNITURE_LINES)
    if (lineLength <= maxLength && pattern.test(text)) return why;
  if (isDateLine(text)) return 'date line';
  if (isBylineLine(text)) return 'byline';
  return null;
}

/** Splits a class or id into its words: `article__media-caption` → article, media, caption. */
function isHeading(el: Element): boolean {
  return HEADING_TAGS.has(el.tagName.toLowerCase());
}

function classWords(raw: string): string[] {
  return raw
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/**
 * The clutter the first of `words` that CLUTTER_CLASS_WORDS knows names, if any; not a word
 * after "no", which says the element is not that (buzzfeed.com's `no_caption` on the box holding
 * the story's opening line).
 */
function clutterNamed(words: readonly string[]): string | undefined {
  return words
    .map((w, i) => (words[i - 1] === 'no' ? undefined : CLUTTER_CLASS_WORDS[w]))
    .find(Boolean);
}

/** The clutter an element's class or id names, in words parted by `-`, `_` or camelCase. */
function classClutter(el: Element): string | undefined {
  const raw = classOf(el);
  const why = clutterNamed(classWords(raw));
  if (why && PICTURE_PARTS.has(why) && holdsPicture(el)) return undefined;
  return why ?? camelCaseClutter(raw, el);
}

/**
 * What class words say of a picture's parts. An element they name that holds the picture itself
 * is the box round the picture and its caption, not the caption: WordPress's `div.wp-caption`
 * (the photo, then `p.wp-caption-text`), Blogger's `table.tr-caption-container` (the photo's row,
 * then `td.tr-caption`), the Guardian's `figure.fig--narrow-caption`. The caption inside still
 * goes, the picture stays.
 */
const PICTURE_PARTS = new Set(['image caption', 'image credit']);

function holdsPicture(el: Element): boolean {
  return el.querySelector('img, picture, video') !== null;
}

function classOf(el: Element): string {
  const id = el.getAttribute('id');
  const named = id && !isHeadingAnchor(el, id) ? id : '';
  return `${el.getAttribute('class') ?? ''} ${named}`;
}

/**
 * An id made of the words of the element's heading, as documentation tools and Markdown
 * renderers make anchors: Sphinx's `div.section#sharing-with-a-single-developer` over "Sharing
 * with a single developer¶" (Mercurial's docs) names a section of the text, not a share bar.
 */
function isHeadingAnchor(el: Element, id: string): boolean {
  const first = el.firstElementChild;
  const heading = isHeading(el) ? el : first && isHeading(first) ? first : null;
  if (!heading) return false;
  const words = collapse(heading.textContent)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.length > 1 && words.join('-') === id.toLowerCase().replace(/_/g, '-');
}

/** A lower-case letter then a capital: where a word of a camelCase class starts. */
const CAMEL_SEAM = /(\p{Ll})(\p{Lu})/gu;

/**
 * The clutter a camelCase class names (express.co.uk `span.newsCaption` → news, caption), for an
 * element that holds no picture: such classes also name the picture's own wrapper
 * (`p.withoutCaption` on express.co.uk, `figure.main-article-mediaCaption` on aljazeera.com,
 * `div.mbArticleSharePic` round qq.com's photo), and a caption or share bar never holds the photo.
 */
function camelCaseClutter(raw: string, el: Element): string | undefined {
  CAMEL_SEAM.lastIndex = 0;
  if (!CAMEL_SEAM.test(raw)) return undefined;
  const why = clutterNamed(classWords(raw.replace(CAMEL_SEAM, '$1 $2')));
  return why && !holdsPicture(el) ? why : undefined;
}

/**
 * Lines that open a box of links to other stories: "More Great WIRED Stories" (wired.com),
 * "You may also like..." (cleveland.com), "More:" (aljazeera.com), "related news"
 * (moneycontrol.com), "Trending" (hosted.ap.org), "LATEST NEWS" (sfgate.com).
 */
const RELATED_INTRO =
  /^(?:more\b.{0,40}|related\b.{0,30}|(?:recommended|trending|popular|latest|top)(?: [\p{L}\p{N}]+){0,3}|you (?:may|might) (?:also )?(?:like|enjoy)\b.*|read (?:next|more)|up next|what to read next|most (?:read|popular|viewed|shared)|further reading|also (?:read|see)|see also)[^\p{L}\p{N}]*$/iu;

/** Blocks read from elements that are only a link (related-story lists, promo lines). */
export type LinkOnly = Set<Block>;

/** Share of an element's text that sits inside links. */
function linkShare(links: readonly Element[], text: string): number {
  if (!text) return 0;
  let linked = 0;
  for (const a of links) linked += collapse(a.textContent).length;
  return linked / text.length;
}

const LINK: ReadonlySet<string> = new Set(['a']);

/**
 * A hover card's wrapper starts with the link it annotates (thehill.com:
 * `span.rollover-people > a "Ilhan Omar" + span.rollover-people-block`): the link is story text,
 * only the card after it goes.
 */
function isHoverTrigger(el: Element, why: string): boolean {
  if (why !== 'hover card') return false;
  if (el.tagName.toLowerCase() === 'a') return true; // `a.rollover-people-link` itself
  const first = el.firstElementChild;
  return first?.tagName.toLowerCase() === 'a' && el.firstChild === first;
}

/**
 * A "gallery" that is the story's pictures, `inPictures` telling whether it is inside a figure or
 * such a gallery. The wrapper a site puts round each photo to open the gallery on a click
 * (thesun.co.uk `div.article__media-img-container.open-gallery`, holding the photo and the
 * gallery's count, "6"): one picture and no words; a slideshow holds several pictures, or words
 * ("Image 1 of 23", "Close"). A box of figures and no words of its own (phys.org: each photo's
 * figure, with its caption, in a `div.article-gallery.lightGallery`, and the last ones together in
 * a `ul.article-gallery`). A <figure>, or what is inside one, whatever its class says: one picture
 * (yahoo.com: `figure.go-to-slideshow-lightbox` over the photo, "View photo") or several
 * (WordPress's `figure.wp-block-gallery`, its `ul.blocks-gallery-grid`), which the block reader
 * reads as pictures only (see galleryOf); not a figure of no picture, which it would read as text
 * ("Image 1 of 23"). WordPress's `[gallery]` was made such a figure before Readability
 * (./generic-galleries.ts).
 */
function isStoryPictures(el: Element, why: string, inPictures: boolean): boolean {
  if (why !== 'photo gallery') return false;
  if (inPictures) return true;
  if (el.localName === 'figure') return el.querySelector('img') !== null;
  const { pictures, loose, words } = picturesAndWords(el);
  return !words && (pictures === 1 || (pictures > 0 && !loose));
}

/**
 * The pictures under `el`, those of them not in a figure (`loose`), and whether it has words
 * outside its figures, in one walk.
 */
function picturesAndWords(el: Element): { pictures: number; loose: number; words: boolean } {
  let pictures = 0;
  let loose = 0;
  let words = false;
  const stack: [Node, boolean][] = [[el, false]];
  while (stack.length) {
    const [node, inFigure] = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      if (!inFigure && /\p{L}/u.test(node.nodeValue ?? '')) words = true;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const child = node as Element;
    if (child.localName === 'img') {
      pictures++;
      if (!inFigure) loose++;
    }
    const within = inFigure || child.localName === 'figure';
    for (let c = child.lastChild; c; c = c.previousSibling) stack.push([c, within]);
  }
  return { pictures, loose, words };
}

/** Fewest cards that make a rail: two pictures with links may be the story's own. */
const RAIL_CARDS = 3;
/** Most words on one card: a picture, a kicker and a headline. */
const CARD_WORDS = 30;

/**
 * A rail of teasers for other stories set inside the article (thesun.co.uk "Most read in world
 * news": `div.rail__item` × 6, each a picture, a kicker and a headline, all under one link): at
 * least RAIL_CARDS children, every one a card with a picture, at most CARD_WORDS words and links
 * to a single page, a different page on each card; headings beside the cards are the rail's title
 * ("Самые популярные диеты" over twelve cards of other diets, vse-diety.com). The headlines are
 * not links (the card's link is laid over it, empty), so the links-only rules cannot see them.
 */
function isTeaserRail(el: Element): boolean {
  const cards = Array.from(el.children).filter((c) => !isHeading(c));
  if (cards.length < RAIL_CARDS) return false;
  const targets = new Set<string>();
  for (const card of cards) {
    const target = cardTarget(card);
    if (target === null || targets.has(target)) return false;
    targets.add(target);
  }
  return true;
}

/** The one page a teaser card links to; null when `card` is not one. */
function cardTarget(card: Element): string | null {
  if (!card.querySelector('img')) return null;
  let target: string | null = null;
  for (const a of Array.from(card.querySelectorAll('a[href]'))) {
    const href = (a.getAttribute('href') ?? '').split('#')[0]!.trim();
    if (!href || PICTURE_FILE.test(href) || (target !== null && href !== target)) return null;
    target = href;
  }
  if (target === null) return null;
  return wordsIn(collapse(card.textContent)) <= CARD_WORDS ? target : null;
}

/**
 * Takes page furniture out of Readability's element before it is read: furniture tags,
 * class-marked clutter (see CLUTTER_CLASS_WORDS) and rails of teasers (see isTeaserRail), unless
 * one holds a large part of the story. The element is Readability's private copy, so removing
 * from it changes nothing else.
 */
export function stripClutter(root: Element): void {
  const total = collapse(root.textContent).length || 1;
  // Before the headers go with the other furniture: a teaser's headline is in its <header>.
  for (const el of teaserArticles(root, total)) el.remove();
  const doomed: Element[] = [];
  const stack: Element[] = Array.from(root.children);
  // Elements inside a figure or a gallery of the story's (see isStoryPictures), known from above.
  const inPictures = new Set<Element>();
  while (stack.length) {
    const el = stack.pop()!;
    const tag = el.tagName.toLowerCase();
    const why = CLUTTER_TAGS.has(tag) ? tag : classClutter(el);
    const pictures = why ? isStoryPictures(el, why, inPictures.has(el)) : false;
    if ((why && !isHoverTrigger(el, why) && !pictures) || (!why && isTeaserRail(el))) {
      if (collapse(el.textContent).length <= total * MAX_CLUTTER_SHARE) {
        if (why === 'header' && el.querySelector('figure img')) keepFigures(el, doomed, stack);
        else doomed.push(el);
        continue;
      }
    }
    // One push per child, not `push(...children)`: a spread of 200,000 children overflows the
    // call stack (found by the 200k-node page in tests/reliability/size.test.ts).
    const keep = pictures || tag === 'figure' || inPictures.has(el);
    for (const child of Array.from(el.children)) {
      stack.push(child);
      if (keep) inPictures.add(child);
    }
  }
  for (const el of doomed) el.remove();
}

/**
 * Whether `el` is one of an interface's controls by its ARIA role, asked of every element of the
 * page's private copy before Readability reads it: a video player's buttons and sliders written
 * as `<div role="button">` and `<div role="slider">` ("Play Video", "Play", "Mute", "Loaded: 0%
 * Progress: 0%", "Fullscreen" in the story of independent.co.uk's Brightcove player, video.js),
 * which Readability keeps where it drops a `<button>`. Not a link out, not a disclosure's toggle
 * (`aria-expanded`: an explainer's questions may be written so), nothing inside a paragraph (a
 * footnote's or a spoiler's toggle in a sentence), nothing with a picture in it (a photo that
 * opens a lightbox), and a label's few words, not a passage.
 */
export function isInterfaceControl(el: Element): boolean {
  const role = el.getAttribute('role');
  if (!role || !CONTROL_ROLES.has(role.trim().toLowerCase())) return false;
  if (isLinkOut(el) || el.hasAttribute('aria-expanded') || el.closest('p')) return false;
  return !el.querySelector('img, picture, video') && countWords(el.textContent) <= CONTROL_WORDS;
}

/**
 * A link to another page or place, though set as a button; not one to a part of this page or to a
 * script (mozilla.org's `<a href="#add-ons" role="button">Next</a>` turning its feature tour).
 */
function isLinkOut(el: Element): boolean {
  const href = el.localName === 'a' ? el.getAttribute('href')?.trim() : undefined;
  return !!href && !href.startsWith('#') && !/^javascript:/i.test(href);
}

/** ARIA widget roles whose element is a control, never the story's text. */
const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'progressbar',
  'radio',
  'scrollbar',
  'slider',
  'spinbutton',
  'switch',
]);

/** Most words of a control's label ("Loaded: 0% Progress: 0%" is four). */
const CONTROL_WORDS = 8;

/**
 * Whether `el` is a box classed as a newsletter sign-up (see CLUTTER_CLASS_WORDS), asked of
 * every element of the page's private copy before Readability reads it (see
 * dropNewsletterBoxes): the word is looked for in the class and id before anything else.
 */
export function isNewsletterBox(el: Element): boolean {
  return namesNewsletter(el) && classClutter(el) === NEWSLETTER_BOX;
}

/**
 * Takes newsletter boxes out of the page's private copy before Readability reads it, unless one
 * holds a large part of the page's text, as in stripClutter: Readability may unwrap such a box,
 * and its class with it, and leave its inside in the story (theverge's
 * `div.newsletter-wrapper`: "Monthly $7/month …", the plans of a paid newsletter, under the
 * story). The other class words wait for Readability's element: taken before it, share bars and
 * related lists changed what it takes for the byline and the standfirst (liberation-1, a
 * Guardian page).
 */
export function dropNewsletterBoxes(page: Element, boxes: readonly Element[]): void {
  if (!boxes.length) return;
  const total = collapse(page.textContent).length || 1;
  for (const box of boxes)
    if (collapse(box.textContent).length <= total * MAX_CLUTTER_SHARE) box.remove();
}

const NEWSLETTER = /newsletter/i;

/** A class or id with "newsletter" in it anywhere: the cheap test before classClutter's. */
function namesNewsletter(el: Element): boolean {
  const className = attributeOf(el, 'class');
  if (className && NEWSLETTER.test(className)) return true;
  const id = attributeOf(el, 'id');
  return !!id && NEWSLETTER.test(id);
}

/**
 * The story's lead picture set in the article's header (nytimes.com: `header > … > figure` under
 * the headline and byline): the header's furniture goes, its figures stay to be read.
 */
function keepFigures(header: Element, doomed: Element[], stack: Element[]): void {
  // The elements between the header and its figures' pictures, found from each picture up: a
  // walk down that asked each level for a picture below it overflowed the call stack in a
  // header 50,000 levels deep, after 9 s of questions.
  const holders = new Set<Element>();
  for (const img of Array.from(header.querySelectorAll('figure img')))
    for (let el = img.parentElement; el && el !== header && !holders.has(el); el = el.parentElement)
      holders.add(el);
  const open: Element[] = [header];
  while (open.length) {
    for (const child of Array.from(open.pop()!.children)) {
      if (child.localName === 'figure') stack.push(child);
      else if (holders.has(child)) open.push(child);
      else doomed.push(child);
    }
  }
}

/** Most words of a teaser: a kicker, a headline and a line or two of summary. */
const TEASER_WORDS = 60;

/**
 * Teasers of other stories, each marked up as an article of its own beside the one being read
 * (digg.com: a grid of `article.fp-vertical-story` under "Want more stories like this?", each a
 * picture, a linked headline, its source and a one-line summary): `<article>` elements holding no
 * other, with a headline that links to a page of its own and at most TEASER_WORDS words, when
 * there are at least RAIL_CARDS of them. Two that link to one page are not teasers (a live
 * blog's entries link to the blog).
 */
function teaserArticles(root: Element, total: number): Element[] {
  const articles = root.getElementsByTagName('article');
  if (articles.length < RAIL_CARDS) return [];
  // The articles holding another, from one walk down that carries the article each element is
  // in: asking each article for the articles below it took quadratic time (44 s for 20,000
  // nested in one another).
  const holders = new Set<Element>();
  const walk: [Element, Element | null][] = [[root, null]];
  while (walk.length) {
    const [el, inside] = walk.pop()!;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      const article = child.localName === 'article';
      if (article && inside) holders.add(inside);
      walk.push([child, article ? child : inside]);
    }
  }
  const teasers: Element[] = [];
  const targets = new Set<string>();
  for (const article of Array.from(articles)) {
    if (holders.has(article)) continue;
    const link = article.querySelector('h1 a[href], h2 a[href], h3 a[href], h4 a[href]');
    const target = (link?.getAttribute('href') ?? '').split('#')[0]!.trim();
    if (!target || wordsIn(collapse(article.textContent)) > TEASER_WORDS) continue;
    if (targets.has(target)) return [];
    targets.add(target);
    teasers.push(article);
  }
  if (teasers.length < RAIL_CARDS) return [];
  // A page of teasers (a section front) is what there is to read.
  const share = teasers.reduce((sum, el) => sum + collapse(el.textContent).length, 0) / total;
  return share <= MAX_CLUTTER_SHARE ? teasers : [];
}

/** Fewest entries of a table of contents. */
const CONTENTS_ENTRIES = 3;

/**
 * A list whose every link goes to a place on the page itself: a table of contents (Sphinx's
 * `div.contents`, Wikipedia's `#toc`), which repeats the headings the text has anyway.
 */
function isTableOfContents(links: readonly Element[]): boolean {
  return (
    links.length >= CONTENTS_ENTRIES &&
    links.every((a) => (a.getAttribute('href') ?? '').trim().startsWith('#'))
  );
}

/**
 * The `classify` hook for readBlocks: lists and paragraphs that are nothing but links are read
 * as usual but remembered in `linkOnly`, so `filterBlocks` can tell a related-story line from
 * story text.
 */
export function linkOnlyMarker(linkOnly: LinkOnly): (el: Element) => Classification {
  return (el) => {
    const tag = el.tagName.toLowerCase();
    if (tag !== 'ul' && tag !== 'ol' && tag !== 'p') return undefined;
    // Most paragraphs hold no link: their text need not be read here.
    const links = descendantsTagged(el, LINK);
    if (!links.length) return undefined;
    const all = collapse(el.textContent);
    // A promo line's tags are no text of its own; a list's "[PDF]" after each document is.
    const text = tag === 'p' ? all.replace(PROMO_TAG, '') : withoutListLabel(el, all);
    if (!text || linkShare(links, text) < 0.9) return undefined;
    if (tag !== 'p' && isTableOfContents(links)) return 'skip';
    let blocks: Block[];
    if (tag === 'p') {
      if (descendantsTagged(el, NESTED_BLOCK_TAGS, 'first').length) return undefined;
      blocks = [{ type: 'paragraph', text: inlineText(el) }];
    } else {
      // Without the reader's options: no pictures, a list of links with thumbnails being a
      // rail of teasers.
      blocks = listBlocks(el);
    }
    for (const block of blocks) linkOnly.add(block);
    return blocks;
  };
}

/**
 * A list's text without the label its first item may be, a few words and a colon with no link
 * (independent.co.uk's topics under the story: "More about:", then "Hotels", "Hygiene", each a
 * link): the label names the links, it is no text of its own.
 */
function withoutListLabel(list: Element, text: string): string {
  const first = list.firstElementChild;
  if (first?.localName !== 'li' || descendantsTagged(first, LINK, 'first').length) return text;
  const label = collapse(first.textContent);
  return LIST_LABEL.test(label) && text.startsWith(label) ? text.slice(label.length).trim() : text;
}

/** A label of one to three words and a colon. */
const LIST_LABEL = /^[^\s:]+(?:\s[^\s:]+){0,2}\s?:$/u;

/**
 * A length in words for the tests below: its space-separated parts, and one more for each
 * Chinese or Japanese character, as `countWords` counts them (a line of those has no spaces, or
 * only between phrases: pixnet's blog lost 95% of its story as "short lines").
 */
function wordsIn(text: string): number {
  return text.split(/\s+/).length + cjkCharacters(text);
}

/**
 * A sentence ends inside the line and more follows: a short opening line that leads into the
 * story ("Your “success mindset” matters. Here’s why:", bigbrandsystem.com) is prose, not a
 * label. The word before the stop has two lower-case letters, so initials ("John F. Smith")
 * and abbreviations ("St. Louis") don't count.
 */
const HOLDS_SENTENCE = /\p{Ll}{2}[.!?]["”’]?\s+\S/u;

/**
 * A result, two figures either side of a dash ("Palm Bay d. Rockledge 70-44", "Rockledge 14 11 6
 * 15 — 44"): a sports roundup's line, never a label. Not a day or a time ("2019-01-21", "2019 -
 * 07:29"), whose figures are longer or joined to more.
 */
const RESULT = /(?<![\d\-/.:])\b\d{1,3}\s?[-–—]\s?\d{1,3}\b(?![-/.:]\d)/;

/**
 * A short line before the story that is not a sentence: a section label, "Opinion Columnist", an
 * author's name. A line that holds a sentence or a result (RESULT) is the story's own, and so is
 * a line over a list that is not links: "Характеристики бега можно увеличить за счет кодов" over
 * the codes (gto-normativy.ru).
 */
function isLabel(b: Block, text: string, next: Block | undefined, linkOnly: LinkOnly): boolean {
  if (b.type === 'heading' || wordsIn(text) >= 8) return false;
  if (/[.!?。！？]$/.test(text) || HOLDS_SENTENCE.test(text) || RESULT.test(text)) return false;
  return !(b.type === 'paragraph' && next?.type === 'list' && !linkOnly.has(next));
}

/** Ends like a sentence, in Latin or in Chinese and Japanese punctuation. */
const SENTENCE_END = /[.!?…。！？]["”’)」』）]?$/;

/** A paragraph that reads as running text: long enough, or ending like a sentence. */
function isStoryParagraph(b: Block, linkOnly: LinkOnly): boolean {
  if (b.type !== 'paragraph' && b.type !== 'quote') return false;
  if (linkOnly.has(b)) return false;
  const words = wordsIn(b.text);
  return words >= 12 || (words >= 5 && SENTENCE_END.test(b.text));
}

function blockText(b: Block): string {
  if (b.type === 'table') return [...b.head, ...b.rows].map((row) => row.join(' ')).join(' ');
  return b.type === 'list' ? b.items.join(' ') : b.type === 'image' ? '' : b.text;
}

/**
 * Filters the blocks read from Readability's element:
 * - furniture lines anywhere (see FURNITURE_LINES, date lines, bylines);
 * - before the first story paragraph, the headline again and short non-sentence lines (section
 *   labels, "Opinion Columnist", author names);
 * - a related-stories intro (RELATED_INTRO) and the links and short lines under it;
 * - links-only lines and lists after the last story paragraph ("Trending" boxes), and anywhere
 *   a links-only line set as a promo (see isPromoLine);
 * - the writer's biography closing the story (see isAuthorBio);
 * - a heading whose whole section went.
 */
export function filterBlocks(
  blocks: Block[],
  title: string | null,
  linkOnly: LinkOnly,
  authors: readonly string[] = [],
): Block[] {
  const headline = collapse(title).toLowerCase();
  const bio = (b: Block) => isAuthorBio(b, authors);
  const story = (b: Block) => isStoryParagraph(b, linkOnly);
  // An intro that is furniture itself ("More:" is a promo lead-in) still opens a related box.
  const introduced = new Set<Block>();
  const read = blocks.map(withoutTweetButton);
  const kept: Block[] = [];
  read.forEach((b, i) => {
    const furniture = b.type !== 'image' && furnitureReason(blockText(b));
    if (!furniture) {
      kept.push(b);
      return;
    }
    if (furniture === MEDIA_PLAYER) captionVideoPoster(kept);
    const next = read[i + 1];
    if (next && b.type !== 'list' && RELATED_INTRO.test(blockText(b))) introduced.add(next);
  });
  const first = kept.findIndex(story);
  if (first < 0) return kept;
  // The last paragraph of the story proper: a note closes many stories under the related links
  // that go (where it first ran, how it was updated, a disclosure; see CLOSING_NOTE).
  let last = kept.length - 1;
  while (last > first && (!story(kept[last]!) || isClosingNote(kept[last]!) || bio(kept[last]!)))
    last--;

  const out: Block[] = [];
  let inRelated = false;
  kept.forEach((b, i) => {
    if (b.type === 'image') {
      out.push(b);
      return;
    }
    const text = blockText(b);
    if (i < first) {
      if (text.toLowerCase() === headline) return;
      if (isLabel(b, text, kept[i + 1], linkOnly)) return;
    }
    if (b.type !== 'list' && RELATED_INTRO.test(text)) {
      inRelated = true;
      return;
    }
    if (introduced.has(b)) inRelated = true;
    if (inRelated) {
      if (story(b) || b.type === 'heading') inRelated = false;
      else return;
    }
    if (i > last && (linkOnly.has(b) || SIGN_OFF.test(text) || bio(b))) return;
    if (isPromoLine(b, linkOnly)) return;
    out.push(b);
  });
  return dropEmptySections(out);
}

/**
 * The words of a share button after a tweetable pull quote: a WordPress plugin sets a sentence
 * of the writer's, which the story does not print again, as a link to tweet it, ending with the
 * button ("Every online business exists in the 'space-time continuum.'Click To Tweet",
 * bigbrandsystem.com). The sentence is story text; the button's words are not.
 */
const TWEET_BUTTON = /(?<!\s)\s*click to tweet[^\p{L}\p{N}]*$/iu;

/**
 * An embedded video as a picture: its poster, its title and its length with its source under it
 * ("Watch what Trump did when asked a question outside the courtroom", "02:12 - Source: CNN":
 * cnn.com, with the player's "Video Ad Feedback" between poster and title). Called as the
 * length's line goes with the other furniture lines, with the blocks kept so far: the title, a
 * short line that is no sentence, becomes the caption of a poster that has none, rather than a
 * line of the story.
 */
function captionVideoPoster(kept: Block[]): void {
  const title = kept.at(-1);
  const poster = kept.at(-2);
  if (
    poster?.type === 'image' &&
    !poster.caption &&
    title?.type === 'paragraph' &&
    countWords(title.text) <= VIDEO_TITLE_WORDS &&
    !SENTENCE_END.test(title.text)
  )
    kept.splice(-2, 2, { ...poster, caption: title.text });
}

/** Most words of a video's title under its poster. */
const VIDEO_TITLE_WORDS = 20;

/**
 * The paragraph without a tweet button's words at its end. It is a new block, so it no longer
 * counts as links only: the quote is the writer's, not a link to another story.
 */
function withoutTweetButton(b: Block): Block {
  if (b.type !== 'paragraph' || !TWEET_BUTTON.test(b.text)) return b;
  const text = b.text.replace(TWEET_BUTTON, '');
  return text ? { ...b, text } : b;
}

/**
 * The writer's email or social address on a line of its own after the story
 * ("paul.takahashi@chron.com", "twitter.com/paultakahashi"), with the "(END)" that Yonhap's
 * stories close on ("kokobj@yna.co.kr (END)"). Inside the story it stays: an
 * essay's "Let's talk." over the writer's address (medium.com), the addresses a post cites as its
 * sources under their headings (kabarislamia.com), a product's short link (remember8090.it).
 */
const SIGN_OFF =
  /^(?:[^\s@]+@[^\s@]+\.[a-z]{2,}|(?:https?:\/\/|www\.|(?:twitter|x|facebook|instagram)\.com\/)\S+)(?:\s*\((?:end|끝)\))?$/i;

/**
 * The writer's biography under the story: a paragraph that opens with the whole name of one of
 * its authors and says who they are ("Dallas Robinson is a freelance writer living in
 * Minneapolis", digg.com; "Eric Song is IGN's deal curator and …", ign.com; "Regan is a
 * Southeastern Connecticut native …", theantijunecleaver.com, whose writer signs with one name).
 * The whole name, and only after the story's last paragraph: a story that ends on "Dallas is a
 * city …" by Dallas Robinson keeps it.
 */
function isAuthorBio(b: Block, authors: readonly string[]): boolean {
  if (b.type !== 'paragraph') return false;
  return authors.some(
    (name) => b.text.startsWith(name) && BIO_AFTER_NAME.test(b.text.slice(name.length)),
  );
}

/** After the name: what the person is or does. */
const BIO_AFTER_NAME = /^ (?:is|was|has been|writes|covers|lives|teaches|reports)\b/;

/**
 * Notes that close a story, kept, below the story's last paragraph: "Originally published on
 * Live Science.", "This article originally appeared on The Atlantic.",
 * and an editor's note on the story's history: "Editor's note: This story was updated at 5:45
 * p.m. ET to include details from the NASA telecon." (space.com, under its related links); and
 * the disclosure of affiliate links that closes each 9to5mac.com post, "FTC: We use income earning
 * auto affiliate links. More.", under its video promos.
 */
const CLOSING_NOTE =
  /^(?:(?:this (?:article|story|post) (?:was )?)?(?:originally|first) (?:published|appeared|ran|posted)\b.{0,80}|editor['’]?s note\s*:.{0,200}|ftc\s*:.{0,200})$/i;

function isClosingNote(b: Block): boolean {
  return b.type === 'paragraph' && CLOSING_NOTE.test(b.text);
}

/**
 * A paragraph inside the story that is only a link to another story, set as sites set their
 * promos: in capitals ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'": foxnews.com) or
 * in brackets ("[Read: Tunisia sends most foreign fighters to Islamic State in Syria]":
 * washingtonpost.com). A link-only line in ordinary type may be the story's own (a live blog's
 * "Global Voices reports:", a list of apps), so it stays.
 */
function isPromoLine(b: Block, linkOnly: LinkOnly): boolean {
  if (b.type !== 'paragraph' || !linkOnly.has(b)) return false;
  return inCapitals(b.text) || /^\[[^\]]+\]$/.test(b.text) || TAGGED_PROMOS.test(b.text);
}

/**
 * A label in brackets and capitals after a link to another story, as express.co.uk tags each of
 * the three in its "DON'T MISS" lines: "China furious at Macron for Hong Kong protest jibe
 * [INSIGHT]| Lakers vs Nets: … [VIDEO] …" (not counted as text that is not a link).
 */
const PROMO_TAG_PATTERN = String.raw`\[\s*\p{Lu}{2,}\s*\]`;
const PROMO_TAG = new RegExp(PROMO_TAG_PATTERN, 'gu');
/** Two links or more, each tagged so (see PROMO_TAG), with separators between them. */
const TAGGED_PROMOS = new RegExp(
  String.raw`^[\s|]*(?:[^[\]\s|][^[\]]*${PROMO_TAG_PATTERN}[\s|]*){2,}$`,
  'u',
);

/**
 * Set in capitals: three words or more, and at most one letter in twenty in lower case (a
 * plural of initials stays as written: "… PERFORM HITS AT AMAs AMID FEUD …", foxnews.com).
 */
function inCapitals(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper > 0 && lower * 20 <= upper + lower && wordsIn(text) >= 3;
}

/**
 * A line under a picture that says what its description says is its caption, printed as a line
 * of its own (appleinsider.com: `<img alt="The 96W USB-C power adapter">` and, under it, a
 * `<span>` of the same words): the picture gets it as its caption, the text loses the line. A
 * line repeating the caption the picture has already goes too.
 */
export function captionsRepeatingAlt(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.type !== 'image' || next?.type !== 'paragraph') {
      out.push(b);
      continue;
    }
    const line = next.text.toLowerCase();
    if (b.caption && line === collapse(b.caption).toLowerCase()) {
      // Its caption, read already and printed again as a line (foxnews.com: the caption's
      // `div.caption` was only a <p> by the time Readability handed it over).
      out.push(b);
      i++;
    } else if (!b.caption && b.alt && line === collapse(b.alt).toLowerCase()) {
      out.push({ ...b, caption: next.text });
      i++;
    } else out.push(b);
  }
  return out;
}

/** Drops headings with nothing under them before the next heading of the same or higher rank. */
function dropEmptySections(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.type === 'heading') {
      const next = out[out.length - 1];
      const empty = !next || (next.type === 'heading' && next.level <= b.level);
      if (empty) continue;
    }
    out.push(b);
  }
  return out.reverse();
}
