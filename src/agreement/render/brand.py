"""The brand of a build: colours, fonts, logos and footer from one `_brand.yml`, for all three formats.

The file is the open brand.yml format (https://posit-dev.github.io/brand-yml/), which
Quarto, Shiny and pkgdown read too, parsed and validated by the `brand-yml` package.
What that format has no place for is read from its own extension point,
`defaults.agreement` (`footer`, `organisation`). `find_brand` picks the file: one
named with `--brand`, else the nearest `_brand.yml` at or above the document.

Everything a format needs is turned into a `Theme` here, once, in the main process:
plain values (hex colours, a font family, logo bytes), so that the workers that build
never import brand-yml and every format reads the same values. The HTML takes them as
CSS variables (`Theme.css`), the PDF as typst values in `sys.inputs` (`Theme.typst`)
and the Word file as the styles of a reference document generated from them
(`reference_docx.build`). A brand that is not given falls back, role by role, on the
defaults below, which are the bundled look.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..diagnostics import did_you_mean
from ..reading import read_regular
from .template_folders import TemplateError

BRAND_FILE = "_brand.yml"
MAX_ASSET_BYTES = 5_000_000
"""The largest logo or font file a brand may name: a logo is tens of kilobytes."""
MIN_CONTRAST = 4.5
"""WCAG 2.1 AA for text: every colour that text is set in, against the background."""
FALLBACK_FONTS = ("Carlito",)
"""What the PDF falls back on when the brand's font is not among its font files (the bundled
Carlito, metrically the same as Calibri)."""
HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
FONT_TYPES = {".ttf": ("font/ttf", "truetype"), ".otf": ("font/otf", "opentype"),
              ".woff": ("font/woff", "woff"), ".woff2": ("font/woff2", "woff2")}


class BrandError(TemplateError):
    """A brand file that cannot be used: names the file and, when known, the line."""


@dataclass(frozen=True)
class Asset:
    """A file the brand names (a logo, a font file): its bytes, read once, and how it is used."""

    name: str
    data: bytes = field(repr=False)
    alt: str | None = None
    weight: int = 400
    style: str = "normal"

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    def data_uri(self) -> str:
        kind = IMAGE_TYPES.get(self.suffix) or FONT_TYPES[self.suffix][0]
        return f"data:{kind};base64,{base64.b64encode(self.data).decode()}"


@dataclass(frozen=True)
class Theme:
    """The resolved brand: what every format is set in. Colours are `#rrggbb`."""

    accent: str = "#1b4b7a"
    """The title page's rule and the highlight colour (brand `color.primary`)."""
    heading: str = "#1b4b7a"
    """Headings (brand `typography.headings.color`, else `color.primary`)."""
    link: str = "#0b5394"
    """Links (brand `typography.link.color`, else `color.primary`)."""
    text: str = "#1a1a1a"
    """Body text (brand `color.foreground`)."""
    background: str = "#ffffff"
    """The page (brand `color.background`)."""
    muted: str = "#4a4a4a"
    """Captions, running header and footer, subtitles (brand `color.secondary`)."""
    rule: str = "#8c99a6"
    """Table lines (brand `color.tertiary`)."""
    header_fill: str = "#e6edf4"
    """Table header rows (brand `color.light`)."""
    font: str = "Calibri"
    """The body's font family (brand `typography.base.family`)."""
    heading_font: str | None = None
    """The headings' font family, when it is another (brand `typography.headings.family`)."""
    size_pt: float = 11.0
    """The printed body size (brand `typography.base.size`, in pt or px); the web page keeps its own."""
    logo: Asset | None = None
    """The title page's logo (brand `logo.medium`, else `large`, else `small`)."""
    small_logo: Asset | None = None
    """The running header's logo (brand `logo.small`, else the title page's)."""
    fonts: tuple[Asset, ...] = ()
    """Font files the brand brings (`typography.fonts` with `source: file`)."""
    organisation: str | None = None
    """Whose brand it is: `defaults.agreement.organisation`, else `meta.name.full`; the logos' alt text."""
    footer: str | None = None
    """A line for the foot of every page (`defaults.agreement.footer`), beside the page number."""
    source: str | None = None
    """The brand file, for messages; None for the bundled look."""

    @property
    def fingerprint(self) -> str:
        """A hash of everything in the theme, for the build cache: change the brand or a logo, rebuild."""
        return hashlib.sha256(json.dumps(self._plain(), sort_keys=True).encode()).hexdigest()

    def _plain(self) -> dict[str, Any]:
        values = asdict(replace(self, logo=None, small_logo=None, fonts=(), source=None))
        for name, asset in (("logo", self.logo), ("small_logo", self.small_logo)):
            values[name] = hashlib.sha256(asset.data).hexdigest() if asset else None
        values["fonts"] = [hashlib.sha256(font.data).hexdigest() for font in self.fonts]
        return values

    def families(self) -> tuple[str, ...]:
        """The body's font families, most wanted first: the brand's, then the bundled fallback."""
        return tuple(dict.fromkeys((self.font, *FALLBACK_FONTS)))

    def css(self) -> str:
        """The CSS variables of the web page (and the brand's font files), added after style.css."""
        faces = "".join(
            f'@font-face {{ font-family: "{_css_string(font.alt or self.font)}"; '
            f'src: url("{font.data_uri()}") format("{FONT_TYPES[font.suffix][1]}"); '
            f"font-weight: {font.weight}; font-style: {font.style}; }}\n"
            for font in self.fonts)
        stack = ", ".join(f'"{_css_string(family)}"' for family in self.families())
        headings = f'"{_css_string(self.heading_font)}", ' if self.heading_font else ""
        return (f"{faces}:root {{\n  --accent: {self.accent};\n  --heading: {self.heading};\n"
                f"  --link: {self.link};\n  --text: {self.text};\n  --muted: {self.muted};\n"
                f"  --rule: {self.rule};\n  --header-fill: {self.header_fill};\n"
                f"  --background: {self.background};\n"
                f'  --font: {stack}, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif;\n'
                f"  --heading-font: {headings}var(--font);\n}}\n")

    def typst(self) -> dict[str, Any]:
        """The values the PDF's layout (document.typ) sets itself in, as plain data."""
        return {
            "accent": self.accent, "heading": self.heading, "link": self.link, "text": self.text,
            "background": self.background, "muted": self.muted, "rule": self.rule,
            "header_fill": self.header_fill, "fonts": list(self.families()),
            "heading_fonts": list(dict.fromkeys((self.heading_font, *self.families()))) if self.heading_font else None,
            "size": self.size_pt, "footer": self.footer, "organisation": self.organisation,
            "logo": _logo_name(self.logo, "logo"), "small_logo": _logo_name(self.small_logo, "small-logo"),
        }

    def typst_files(self) -> dict[str, bytes]:
        """The files the PDF's layout reads (the logos), by the names `typst()` gives them."""
        files = {}
        for asset, stem in ((self.logo, "logo"), (self.small_logo, "small-logo")):
            name = _logo_name(asset, stem)
            if asset is not None and name is not None:
                files[name] = asset.data
        return files

    def font_files(self) -> dict[str, bytes]:
        """The brand's font files, by a name each, for the PDF's font folder."""
        return {f"brand-font-{index}{font.suffix}": font.data for index, font in enumerate(self.fonts)}


DEFAULT = Theme()


def _logo_name(asset: Asset | None, stem: str) -> str | None:
    return f"{stem}{asset.suffix}" if asset is not None else None


def _css_string(text: str) -> str:
    """`text` inside a double-quoted CSS string: quotes, backslashes and line ends escaped, and
    `<` too, so that nothing in a brand file can end the page's <style> element."""
    return "".join(f"\\{ord(c):x} " if c in '"\\<>\n\r\f' else c for c in text)


# -- finding and reading the brand file ---------------------------------------------------------


def find_brand(document: Path) -> Path | None:
    """The nearest `_brand.yml` at or above the document's folder, or None."""
    folder = document.resolve().parent
    for candidate in (folder, *folder.parents):
        found = candidate / BRAND_FILE
        if found.is_file():
            return found
    return None


def load_theme(path: Path | None) -> Theme:
    """The theme of the brand file `path`; the bundled look when there is none."""
    if path is None:
        return DEFAULT
    resolved = path.resolve()
    stat = resolved.stat()
    return _load(resolved, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load(path: Path, mtime: int, size: int) -> Theme:
    """Read, validate and resolve a brand file (once per version of the file)."""
    from ..loading import LoadError, load_file

    try:
        loaded = load_file(path)
    except LoadError as error:
        found = error.diagnostic
        raise BrandError(str(path), found.message, found.span.line if found.span else None) from None
    if not isinstance(loaded.data, dict):
        raise BrandError(str(path), "a brand file is a mapping (meta, color, typography, logo, defaults)")
    return _Reader(path, loaded).theme()


class _Reader:
    """Turns one validated brand into a Theme, with the line of every value it complains about."""

    def __init__(self, path: Path, loaded: Any):
        self.path, self.loaded = path, loaded

    def fail(self, message: str, *where: str | int) -> BrandError:
        span = self.loaded.span(tuple(where))
        return BrandError(str(self.path), message, span.line if span else None)

    def theme(self) -> Theme:
        brand = self.validate()
        ours = self.extension(brand.defaults or {})
        color, typography = brand.color, brand.typography
        primary = self.colour(color, "primary") if color else None
        roles = {"accent": primary}
        if color is not None:
            roles |= {"text": self.colour(color, "foreground"), "background": self.colour(color, "background"),
                      "muted": self.colour(color, "secondary"), "rule": self.colour(color, "tertiary"),
                      "header_fill": self.colour(color, "light")}
        roles["heading"] = self.typography_colour(typography, "headings") or primary
        roles["link"] = self.typography_colour(typography, "link") or primary
        theme = replace(DEFAULT, **{role: value for role, value in roles.items() if value}, source=str(self.path))
        theme = self.with_typography(theme, typography)
        organisation = ours.get("organisation") or (brand.meta.name.full if brand.meta and brand.meta.name else None)
        theme = replace(theme, organisation=organisation, footer=ours.get("footer"))
        theme = self.with_logos(theme, brand.logo)
        self.check_contrast(theme)
        return theme

    def validate(self) -> Any:
        from brand_yml import Brand
        from pydantic import ValidationError

        data = dict(self.loaded.data)
        try:
            return Brand.model_validate(data | {"path": self.path})
        except ValidationError as error:
            first = error.errors()[0]
            where = [part for part in first["loc"] if isinstance(part, (str, int))]
            if first["type"] == "extra_forbidden" and where:
                span = self.loaded.span(tuple(where), key=True)
                hint = did_you_mean(str(where[-1]), _brand_keys(Brand))
                raise BrandError(str(self.path), f"{'.'.join(map(str, where))}: not a key of the brand.yml format"
                                 + (f"; {hint}" if hint else ""), span.line if span else None)
            return self._raise(f"not a brand.yml brand: {'.'.join(map(str, where)) or 'the file'}: {first['msg']}",
                               where)
        except (ValueError, TypeError, KeyError) as error:  # brand-yml's own checks (palette references)
            return self._raise(f"not a brand.yml brand: {error}", [])

    def _raise(self, message: str, where: list[str | int]) -> Any:
        raise self.fail(message, *where)

    def extension(self, defaults: dict[str, Any]) -> dict[str, str]:
        """`defaults.agreement`: what brand.yml has no place for; only known keys, only text."""
        ours = defaults.get("agreement") or {}
        if not isinstance(ours, dict):
            raise self.fail("defaults.agreement is a mapping with `footer` and `organisation`", "defaults", "agreement")
        for key, value in ours.items():
            if key not in ("footer", "organisation"):
                raise self.fail(f"defaults.agreement has no setting {key!r}: use footer or organisation",
                                "defaults", "agreement", key)
            if not isinstance(value, str) or not value.strip() or len(value) > 200 or "\n" in value.strip():
                raise self.fail(f"defaults.agreement.{key} is one line of text (at most 200 characters)",
                                "defaults", "agreement", key)
        return {key: value.strip() for key, value in ours.items()}

    def colour(self, color: Any, role: str) -> str | None:
        value = getattr(color, role, None)
        return self.hex(value, "color", role) if value else None

    def typography_colour(self, typography: Any, part: str) -> str | None:
        value = getattr(getattr(typography, part, None), "color", None) if typography else None
        return self.hex(value, "typography", part, "color") if value else None

    def hex(self, value: str, *where: str) -> str:
        """`#rrggbb` from a hex colour; any other colour is an error, since Word and typst need hex."""
        text = str(value).strip()
        if not HEX.fullmatch(text):
            raise self.fail(f"{'.'.join(where)} is {text!r}: give the colour as a hex code such as #1b4b7a "
                            "(Word and the PDF take no colour names or rgb())", *where)
        if len(text) == 4:
            text = "#" + "".join(c * 2 for c in text[1:])
        return text.lower()

    def with_typography(self, theme: Theme, typography: Any) -> Theme:
        if typography is None:
            return theme
        base, headings = typography.base, typography.headings
        if base is not None and base.family:
            theme = replace(theme, font=base.family)
        if base is not None and base.size is not None:
            theme = replace(theme, size_pt=self.points(str(base.size)))
        if headings is not None and headings.family:
            theme = replace(theme, heading_font=headings.family)
        return replace(theme, fonts=tuple(self.font_files(typography.fonts or [])))

    def points(self, size: str) -> float:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(pt|px)?\s*", size)
        if not match or not 6 <= float(match[1]) * (0.75 if match[2] == "px" else 1) <= 24:
            raise self.fail(f"typography.base.size is {size!r}: give the body size in pt or px, "
                            "between 6pt and 24pt (for example 11pt)", "typography", "base", "size")
        return round(float(match[1]) * (0.75 if match[2] == "px" else 1), 2)

    def font_files(self, fonts: list[Any]) -> list[Asset]:
        files = []
        for index, font in enumerate(fonts):
            if font.source != "file":
                continue  # system fonts are named only; Google fonts are not fetched (see docs/brand.md)
            for number, entry in enumerate(font.files or []):
                where = ("typography", "fonts", index, "files", number)
                asset = self.asset(entry.path, where, FONT_TYPES)
                weight = entry.weight if isinstance(entry.weight, int) else 400
                files.append(replace(asset, alt=font.family, weight=weight, style=entry.style))
        return files

    def with_logos(self, theme: Theme, logo: Any) -> Theme:
        if logo is None:
            return theme
        chosen = {size: getattr(logo, size, None) for size in ("small", "medium", "large")}
        large = chosen["medium"] or chosen["large"] or chosen["small"]
        small = chosen["small"] or large
        return replace(theme, logo=self.logo(large, "medium" if chosen["medium"] else "large", theme),
                       small_logo=self.logo(small, "small" if chosen["small"] else "medium", theme))

    def logo(self, resource: Any, size: str, theme: Theme) -> Asset | None:
        if resource is None:
            return None
        if not hasattr(resource, "path"):  # {light, dark}: the documents are printed on white
            resource = getattr(resource, "light", None) or getattr(resource, "dark", None)
            if resource is None:
                return None
        asset = self.asset(resource.path, ("logo", size), IMAGE_TYPES)
        return replace(asset, alt=getattr(resource, "alt", None) or theme.organisation)

    def asset(self, location: Any, where: tuple[str | int, ...], kinds: dict[str, Any]) -> Asset:
        """A file named in the brand, relative to the brand file, read with a size limit."""
        text = str(getattr(location, "root", location))
        if "://" in text:
            raise self.fail(f"{text}: a brand's files are read from disk, not downloaded; "
                            "save the file beside _brand.yml and name it there", *where)
        path = (self.path.parent / text).resolve()
        if path.suffix.lower() not in kinds:
            raise self.fail(f"{text}: use a file of type {', '.join(kinds)}", *where)
        try:
            data = read_regular(path, MAX_ASSET_BYTES + 1)
        except OSError as error:
            raise self.fail(f"{text}: cannot be read ({error.strerror or error})", *where) from None
        if len(data) > MAX_ASSET_BYTES:
            raise self.fail(f"{text} is larger than {MAX_ASSET_BYTES // 1_000_000} MB, the most a brand's "
                            "file may be", *where)
        return Asset(path.name, data)

    def check_contrast(self, theme: Theme) -> None:
        """Every colour text is set in reads against its background at WCAG 2.1 AA (4.5:1)."""
        for role, places in CONTRAST_ROLES.items():
            ratio = contrast(getattr(theme, role), theme.background)
            if ratio < MIN_CONTRAST:
                raise self.fail(f"the {role} colour {getattr(theme, role)} has a contrast of {ratio:.1f}:1 against "
                                f"the background {theme.background}; text needs at least {MIN_CONTRAST}:1 "
                                "(WCAG 2.1 AA, which public bodies must meet)", *self.written(places))
        ratio = contrast(theme.text, theme.header_fill)
        if ratio < MIN_CONTRAST:
            raise self.fail(f"table header rows ({theme.header_fill}) give body text a contrast of {ratio:.1f}:1; "
                            f"at least {MIN_CONTRAST}:1 is needed", *self.written((("color", "light"),)))

    def written(self, places: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
        """The first of `places` the file gives (a colour may come from more than one key)."""
        return next((place for place in places if place in self.loaded.positions), places[-1])


CONTRAST_ROLES = {
    "text": (("color", "foreground"),),
    "heading": (("typography", "headings", "color"), ("color", "primary")),
    "link": (("typography", "link", "color"), ("color", "primary")),
    "muted": (("color", "secondary"),),
    "accent": (("color", "primary"),),
}
"""The colours text is set in, and the brand keys each comes from (the first the file gives)."""


@lru_cache(maxsize=1)
def _brand_keys(model: Any) -> frozenset[str]:
    """Every key the brand.yml format knows, at any depth, for "did you mean"."""
    from pydantic import BaseModel

    keys: set[str] = set()
    seen: set[Any] = set()

    def walk(cls: Any) -> None:
        if cls in seen or not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            return
        seen.add(cls)
        for name, info in cls.model_fields.items():
            keys.add(info.alias or name)
            for inner in _types_in(info.annotation):
                walk(inner)

    walk(model)
    return frozenset(keys)


def _types_in(annotation: Any) -> list[Any]:
    from typing import get_args

    found, pending = [], [annotation]
    while pending:
        current = pending.pop()
        found.append(current)
        pending.extend(get_args(current))
    return found


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two `#rrggbb` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
