"""A receipt of synthetic data, as the visit's review screen would hand it to the receipt screen."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

from kiosk.ui.screens.receipt import Receipt

HANOI = timezone(timedelta(hours=7))
RECEIPT = Receipt(
    reference="K7QM-4M2X",
    captured_at=datetime(2025, 6, 24, 19, 42, tzinfo=HANOI),
    community_house="Nhà văn hoá Tổ dân phố 3",
    resident_name="Nguyễn Thị Hường",
    lines=(
        "Xe máy 29-B1 234.56 (Honda Wave Alpha, đỏ): đúng, không thay đổi",
        "Ô tô 30A-123.45 (Toyota Vios, trắng): không còn của tôi — đã bán",
        "Giấy phép lái xe hạng A1 số 010123456789: cần cập nhật",
    ),
    training=False,
    ihanoi_url="https://ihanoi.hanoi.gov.vn/app",
)


def sample_receipt(**changes: object) -> Receipt:
    """:data:`RECEIPT` with ``changes`` (``training=True``, other lines…)."""
    return dataclasses.replace(RECEIPT, **changes)  # type: ignore[arg-type]
