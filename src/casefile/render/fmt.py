"""Number formatting shared by every renderer: 150000.0 -> "150,000", 1060.5 -> "1,060.5"."""

from __future__ import annotations


def num(x: float | int | None) -> str:
    if x is None:
        return ""
    x = float(x)
    return f"{int(x):,}" if x.is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")
