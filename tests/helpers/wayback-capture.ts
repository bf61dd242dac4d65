/**
 * A page as the Wayback Machine replays it: what web.archive.org writes into every capture (its
 * rewrite include after `<head>`, its toolbar after `<body>`, addresses rewritten to the archive,
 * its notice after `</html>`), around the page's own markup, which is left byte for byte. Made
 * from the capture of web-page-parser/bbc_news/8011268.stm that tests/fixtures/
 * wayback--bbc-classic-8011268 reproduces (SOURCE.md there says what is reproduced and from
 * where), so that any corpus page can be read "inside a Wayback capture".
 */

export interface CaptureOptions {
  /** The page's own address, as the capture's path carries it. */
  original: string;
  /** The capture's 14-digit timestamp (UTC). */
  timestamp: string;
  /** The neighbouring captures the toolbar links to (by default a few days, months, a year on). */
  next?: { capture: string; month: string; year: string };
  /** When the replay was retrieved, as the footer notice says it. */
  retrieved?: string;
  /** The toolbar's capture count and span. */
  captureCount?: number;
  span?: string;
}

interface Capture {
  original: string;
  timestamp: string;
  epochSeconds: number;
  retrieved: string;
  captureCount: number;
  span: string;
  /** "20:00:12 Apr 21, 2009", as the toolbar and footer write the capture time. */
  here: string;
  prevMonth: string;
  month: string;
  nextMonth: string;
  day: number;
  year: number;
  next: Record<'capture' | 'month' | 'year', { timestamp: string; title: string }>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateOf(timestamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(timestamp);
  if (!m) throw new Error(`not a 14-digit Wayback timestamp: ${timestamp}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

function timestampOf(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

const two = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) =>
  `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
/** "20:00:12 Apr 21, 2009" */
const longTime = (d: Date) =>
  `${clock(d)} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())}, ${d.getUTCFullYear()}`.replace(
    / 0(\d),/,
    ' $1,',
  );
/** "10 May 2009" */
const dayTitle = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

function captureOf(options: CaptureOptions): Capture {
  const at = dateOf(options.timestamp);
  const later = (ms: number) => timestampOf(new Date(at.getTime() + ms));
  const DAY = 86_400_000;
  const next = options.next ?? {
    capture: later(2 * 3_600_000 - 4 * 60_000 + 51_000),
    month: later(19 * DAY),
    year: later(300 * DAY),
  };
  const month = at.getUTCMonth();
  return {
    original: options.original,
    timestamp: options.timestamp,
    epochSeconds: at.getTime() / 1000,
    retrieved: options.retrieved ?? '10:42:07 Mar 03, 2024',
    captureCount: options.captureCount ?? 31,
    span: options.span ?? `${dayTitle(at)} - 16 Jan 2023`,
    here: longTime(at),
    prevMonth: MONTHS[(month + 11) % 12]!.toUpperCase(),
    month: MONTHS[month]!.toUpperCase(),
    nextMonth: MONTHS[(month + 1) % 12]!.toUpperCase(),
    day: at.getUTCDate(),
    year: at.getUTCFullYear(),
    next: {
      capture: { timestamp: next.capture, title: longTime(dateOf(next.capture)) },
      month: { timestamp: next.month, title: dayTitle(dateOf(next.month)) },
      year: { timestamp: next.year, title: dayTitle(dateOf(next.year)) },
    },
  };
}

/** Wayback's replay modifiers: images `im_`, scripts `js_`, stylesheets `cs_`, frames `if_`. */
type Modifier = '' | 'im_' | 'js_' | 'cs_' | 'if_';

function rewrite(c: Capture, url: string, modifier: Modifier): string {
  const trimmed = url.trim();
  // Wayback leaves fragments, javascript:, mailto: and data: addresses alone.
  if (!trimmed || /^(#|javascript:|mailto:|data:)/i.test(trimmed)) return url;
  let abs: string;
  try {
    abs = new URL(trimmed.replace(/&amp;/g, '&'), c.original).href;
  } catch {
    return url;
  }
  if (!/^https?:/i.test(abs)) return url;
  // Keep the page's own entity-encoding of `&` in the attribute.
  return `/web/${c.timestamp}${modifier}/${abs.replace(/&/g, '&amp;')}`;
}

function modifierFor(tag: string, attr: string, wholeTag: string): Modifier {
  if (tag === 'img' || (tag === 'input' && attr === 'src')) return 'im_';
  if (tag === 'script') return 'js_';
  if (tag === 'link' && /rel=["']?stylesheet/i.test(wholeTag)) return 'cs_';
  if (tag === 'iframe' || tag === 'frame') return 'if_';
  return '';
}

/** Rewrites the addresses in one start tag, as Wayback's server-side rewriter does. */
function rewriteTag(c: Capture, tagText: string): string {
  const tag = /^<([a-zA-Z][\w:-]*)/.exec(tagText)?.[1]?.toLowerCase();
  if (!tag) return tagText;
  return tagText.replace(
    /(\s(href|src|srcset|action|background)\s*=\s*)(["'])([^"']*)\3/gi,
    (_m, lead: string, attr: string, quote: string, value: string) => {
      const name = attr.toLowerCase();
      // A srcset is a list of "address width" candidates: each address is rewritten as a picture.
      const rewritten =
        name === 'srcset'
          ? value.replace(
              /(^|,)(\s*)(\S+)/g,
              (_c, comma: string, space: string, url: string) =>
                `${comma}${space}${rewrite(c, url, 'im_')}`,
            )
          : rewrite(c, value, modifierFor(tag, name, tagText));
      return `${lead}${quote}${rewritten}${quote}`;
    },
  );
}

/**
 * Rewrites start tags outside comments and outside script and style bodies (Wayback leaves the
 * code itself to wombat.js in the browser).
 */
function rewriteDocument(c: Capture, html: string): string {
  const token = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[a-zA-Z][^>]*>/gi;
  return html.replace(token, (m: string, rawBody: string | undefined) => {
    if (m.startsWith('<!--')) return m;
    if (rawBody) {
      const open = /^<[^>]*>/.exec(m)![0];
      return rewriteTag(c, open) + m.slice(open.length);
    }
    return rewriteTag(c, m);
  });
}

const headInsert = (
  c: Capture,
) => `<script src="//archive.org/includes/athena.js" type="text/javascript"></script>
<script type="text/javascript">window.addEventListener('DOMContentLoaded',function(){var v=archive_analytics.values;v.service='wb';v.server_name='wwwb-app221.us.archive.org';v.server_ms=412;archive_analytics.send_pageview({});});</script>
<script type="text/javascript" src="/_static/js/bundle-playback.js?v=t1Bf4PY_" charset="utf-8"></script>
<script type="text/javascript" src="/_static/js/wombat.js?v=txqj7nKC" charset="utf-8"></script>
<script>window.RufflePlayer=window.RufflePlayer||{};window.RufflePlayer.config={"autoplay":"on","unmuteOverlay":"hidden"};</script>
<script type="text/javascript" src="/_static/js/ruffle/ruffle.js"></script>
<script type="text/javascript">
    __wm.init("https://web.archive.org/web");
  __wm.wombat("${c.original}","${c.timestamp}","https://web.archive.org/","web","/_static/",
	      "${c.epochSeconds}");
</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
`;

const toolbar = (c: Capture) => `<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="donato" style="position:relative;width:100%;">
  <div id="donato-base">
    <iframe id="donato-if" src="https://archive.org/includes/donate.php?as_page=1&amp;platform=wb&amp;referer=https%3A//web.archive.org/web/${c.timestamp}/${encodeURIComponent(c.original).replace(/%2F/g, '/').replace(/%3A/, ':')}"
            scrolling="no" frameborder="0" style="width:100%; height:100%">
    </iframe>
  </div>
</div><div id="wm-ipp-inside">
  <div id="wm-toolbar" style="position:relative;display:flex;flex-flow:row nowrap;justify-content:space-between;">
    <div id="wm-logo" style="/*width:110px;*/padding-top:12px;">
      <a href="/web/" title="Wayback Machine home page"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" srcset="/_static/images/toolbar/wayback-toolbar-logo-100.png, /_static/images/toolbar/wayback-toolbar-logo-150.png 1.5x, /_static/images/toolbar/wayback-toolbar-logo-200.png 2x" alt="Wayback Machine" style="width:100px" border="0" /></a>
    </div>
    <div class="c" style="display:flex;flex-flow:column nowrap;justify-content:space-between;flex:1;">
      <form class="u" style="display:flex;flex-direction:row;flex-wrap:nowrap;" target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="${c.original}" onfocus="this.focus();this.select();" style="flex:1;"/><input type="hidden" name="type" value="replay" /><input type="hidden" name="date" value="${c.timestamp}" /><input type="submit" value="Go" />
      </form>
      <div style="display:flex;flex-flow:row nowrap;align-items:flex-end;">
                <div class="s" id="wm-nav-captures" style="flex:1;">
                    <a class="t" href="/web/${c.timestamp}*/${c.original}" title="See a list of every capture for this URL">${c.captureCount} captures</a>
          <div class="r" title="Timespan for captures of this URL">${c.span}</div>
          </div>
        <div class="k">
          <a href="" id="wm-graph-anchor">
          <div id="wm-ipp-sparkline" title="Explore captures for this URL" style="position: relative">
            <canvas class="sparkline" width="450" height="27"></canvas>
            <div class="yt" style="display:none;width:25px;height:27px;left:275px"></div>
            <div class="mt" style="display:none;width:2px;height:27px;left:282px"></div>
          </div>
          </a>
        </div>
      </div>
    </div>
    <div class="n">
      <table>
        <tbody>
          <!-- NEXT/PREV MONTH NAV AND MONTH INDICATOR -->
          <tr class="m">
            <td class="b" nowrap="nowrap">${c.prevMonth}</td>
            <td class="c" id="displayMonthEl" title="You are here: ${c.here}">${c.month}</td>
            <td class="f" nowrap="nowrap"><a href="https://web.archive.org/web/${c.next.month.timestamp}/${c.original}" title="${c.next.month.title}"><strong>${c.nextMonth}</strong></a></td>
          </tr>
          <!-- NEXT/PREV CAPTURE NAV AND DAY OF MONTH INDICATOR -->
          <tr class="d">
            <td class="b" nowrap="nowrap"><img src="/_static/images/toolbar/wm_tb_prv_off.png" alt="Previous capture" width="14" height="16" border="0" /></td>
            <td class="c" id="displayDayEl" style="width:34px;font-size:22px;white-space:nowrap;" title="You are here: ${c.here}">${c.day}</td>
            <td class="f" nowrap="nowrap"><a href="https://web.archive.org/web/${c.next.capture.timestamp}/${c.original}" title="${c.next.capture.title}"><img src="/_static/images/toolbar/wm_tb_nxt_on.png" alt="Next capture" width="14" height="16" border="0" /></a></td>
          </tr>
          <!-- NEXT/PREV YEAR NAV AND YEAR INDICATOR -->
          <tr class="y">
            <td class="b" nowrap="nowrap">${c.year - 1}</td>
            <td class="c" id="displayYearEl" title="You are here: ${c.here}">${c.year}</td>
            <td class="f" nowrap="nowrap"><a href="https://web.archive.org/web/${c.next.year.timestamp}/${c.original}" title="${c.next.year.title}"><strong>${c.year + 1}</strong></a></td>
          </tr>
        </tbody>
      </table>
    </div>
    <div class="r" style="display:flex;flex-flow:column nowrap;align-items:flex-end;justify-content:space-between;">
      <div id="wm-btns" style="white-space:nowrap;">
        <a href="#close" onclick="__wm.h(event);return false;" style="display:block;padding-right:18px;" id="wm-tb-close" title="Close the toolbar"><img src="/_static/images/toolbar/wm_tb_close.png" alt="Close"/></a>
        <a href="#help" onclick="__wm.h(event);return false;" style="display:block;padding-right:18px;" id="wm-tb-help" title="Get some help using the Wayback Machine"><img src="/_static/images/toolbar/wm_tb_help.png" alt="Help"/></a>
      </div>
      <div id="wm-share" style="display: flex;">
        <a href="/web/${c.timestamp}*/${c.original}" id="wm-tb-capinfo" onclick="__wm.h(event);return false;" title="About this capture"><span class="iconochive-info"></span></a>
        <a href="https://www.facebook.com/sharer/sharer.php?u=https://web.archive.org/web/${c.timestamp}/${c.original}" target="_blank" title="Share on Facebook" style="margin-right:5px;"><span class="iconochive-facebook" style="color:#33378c;font-size:1.0em;"></span></a>
        <a href="https://twitter.com/intent/tweet?text=https://web.archive.org/web/${c.timestamp}/${c.original}&amp;via=internetarchive" target="_blank" title="Share on Twitter" style="margin-right:5px;"><span class="iconochive-twitter" style="color:#1dcaff;font-size:1.0em;"></span></a>
      </div>
    </div>
  </div>
</div>
<div id="wm-capinfo" style="border-top:1px solid #777;display:none; overflow:hidden">
  <div id="wm-capinfo-notice" source="api"></div>
  <div id="wm-capinfo-collected-by">
    <div style="background-color:#666;color:#fff;font-weight:bold;text-align:center">COLLECTED BY</div>
    <div style="padding:3px;position:relative" id="wm-collected-by-content">
      <div style="display:inline-block;vertical-align:top;width:50%;">
        <span class="c-logo" style="background-image:url(https://archive.org/services/img/alexacrawls);"></span>
        Organization: <a style="color:#33f;" href="https://archive.org/details/alexacrawls" target="_new"><span class="wm-title">Alexa Crawls</span></a>
        <div style="max-height:75px;overflow:hidden;position:relative;">
          <div style="position:absolute;top:0;left:0;width:100%;height:75px;background:linear-gradient(to bottom,rgba(255,255,255,0) 0%,rgba(255,255,255,0) 90%,rgba(255,255,255,255) 100%);"></div>
          Starting in 1996, <a href="http://www.alexa.com/">Alexa Internet</a> has been donating their crawl data to the Internet Archive.  Flowing in every day, these data are added to the <a href="http://web.archive.org/">Wayback Machine</a> after an embargo period.
        </div>
      </div>
    </div>
  </div>
  <div id="wm-capinfo-timestamps">
    <div style="background-color:#666;color:#fff;font-weight:bold;text-align:center" title="Timestamps for the elements of this page">TIMESTAMPS</div>
    <div>
      <div id="wm-capresources" style="margin:0 5px 5px 5px;max-height:250px;overflow-y:scroll !important"></div>
      <div id="wm-capresources-loading" style="text-align:left;margin:0 20px 5px 5px;display:none"><img src="/_static/images/loading.gif" alt="loading" /></div>
    </div>
  </div>
</div></div></div></div><div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/${c.timestamp}/${c.original}</div>
<script type="text/javascript">//<![CDATA[
__wm.bt(675,27,25,2,"web","${c.original}","${c.timestamp}",1996,"/_static/",["/_static/css/banner-styles.css?v=S1zqJCYt","/_static/css/iconochive.css?v=3PDvdIFv"], false);
  __wm.rw(1);
//]]></script>
<!-- END WAYBACK TOOLBAR INSERT -->
`;

const footer = (c: Capture) => `
<!--
     FILE ARCHIVED ON ${c.here} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON ${c.retrieved}.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

     ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
     SECTION 108(a)(3)).
-->
<!--
playback timings (ms):
  captures_list: 0.611
  exclusion.robots: 0.021
  exclusion.robots.policy: 0.01
  esindex: 0.011
  cdx.remote: 7.553
  LoadShardBlock: 231.782 (3)
  PetaboxLoader3.datanode: 190.125 (4)
  load_resource: 118.466
  PetaboxLoader3.resolve: 61.373
-->`;

/** `html` (a whole page) as the Wayback Machine replays its capture `options.timestamp`. */
export function makeCapture(html: string, options: CaptureOptions): string {
  const c = captureOf(options);
  let out = rewriteDocument(c, html);
  // Wayback writes its include right after <head> and its toolbar right after <body …>: the
  // tags its parser sees, not those in comments (the 2010s BBC pages open <body> in IE
  // conditional comments first).
  out = afterStartTag(out, 'head', headInsert(c));
  out = afterStartTag(out, 'body', `\n${toolbar(c)}`);
  return out.replace(/\s*$/, '') + footer(c);
}

/** `html` with `insert` after the first `<tag …>` that is not inside a comment. */
function afterStartTag(html: string, tag: string, insert: string): string {
  const token = new RegExp(`<!--[\\s\\S]*?-->|<${tag}\\b[^>]*>`, 'gi');
  for (let m = token.exec(html); m; m = token.exec(html)) {
    if (m[0].startsWith('<!--')) continue;
    const end = m.index + m[0].length;
    return html.slice(0, end) + insert + html.slice(end);
  }
  return html;
}

/** The capture's address on web.archive.org. */
export function captureUrl(options: Pick<CaptureOptions, 'original' | 'timestamp'>): string {
  return `https://web.archive.org/web/${options.timestamp}/${options.original}`;
}
