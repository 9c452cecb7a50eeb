"""How the roster table paints an address that does not fit: the estate gives up its end
("双福…1栋1单元101", the middle of the address), never the room number, which is what
tells rows apart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ADDRESS_PARTS_ROLE = Qt.ItemDataRole.UserRole + 3
"""(estate, building + unit + room) of a resident's address."""


def fit_address(fm: QFontMetrics, estate: str, rest: str, width: int) -> str:
    """The address in ``width`` pixels: whole if it fits, else the estate shortened and
    the building, unit and room whole; only when even those do not fit, the
    start is cut ("…1单元101")."""
    whole = estate + rest
    if fm.horizontalAdvance(whole) <= width:
        return whole
    room = width - fm.horizontalAdvance(rest)
    if estate and room >= fm.horizontalAdvance(estate[:1] + "…"):
        return fm.elidedText(estate, Qt.TextElideMode.ElideRight, room) + rest
    return fm.elidedText(whole, Qt.TextElideMode.ElideLeft, width)


class AddressDelegate(QStyledItemDelegate):
    """Paints the address column with :func:`fit_address` (the whole one in the tooltip)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        parts = index.data(ADDRESS_PARTS_ROLE)
        if not parts:
            return
        widget = option.widget
        style = widget.style() if widget is not None else None
        text_rect = (
            style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, widget)
            if style is not None
            else option.rect
        )
        fm = option.fontMetrics
        # the style keeps a small margin inside the text rectangle
        room = text_rect.width() - 2 * (fm.horizontalAdvance(" ") // 2 + 2)
        option.text = fit_address(fm, parts[0], parts[1], room)
