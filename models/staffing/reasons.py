"""Reason codes for leaving a counter (UU 25/2009 Pasal 17(b), DOMAIN.md "Staffing").

An officer who leaves the front desk uncovered during service hours must say why:
a code, the reference of the document behind it (SPT number, surat cuti, invitation
…) and, where the rules want a superior's permission, who approved it. "Tanpa
keterangan" is accepted without a reference — the log then says so plainly, and the
gap is "unexplained" rather than authorised.
"""

from __future__ import annotations

from dataclasses import dataclass

from loket.models import validation as check
from loket.models.errors import InvalidInput, NotFound
from loket.models.tables import Staff


@dataclass(frozen=True)
class ReasonCode:
    code: str
    name_id: str
    name_en: str
    reference_id: str  # what the reference is, in Indonesian
    reference_en: str
    needs_reference: bool = True
    needs_approval: bool = False

    @property
    def authorised(self) -> bool:
        return self.code != "tanpa_keterangan"


REASONS: dict[str, ReasonCode] = {
    r.code: r
    for r in (
        ReasonCode(
            "dinas_luar", "Tugas dinas luar", "Official duty outside", "nomor SPT/surat tugas",
            "SPT (letter of assignment) number", needs_approval=True,
        ),
        ReasonCode(
            "cuti_tahunan", "Cuti tahunan", "Annual leave", "nomor surat cuti",
            "leave letter number", needs_approval=True,
        ),
        ReasonCode(
            "cuti_sakit", "Cuti sakit", "Sick leave", "nomor surat cuti",
            "leave letter number", needs_approval=True,
        ),
        ReasonCode(
            "cuti_melahirkan", "Cuti melahirkan", "Maternity leave", "nomor surat cuti",
            "leave letter number", needs_approval=True,
        ),
        ReasonCode(
            "cuti_alasan_penting", "Cuti alasan penting", "Leave for important reasons",
            "nomor surat cuti", "leave letter number", needs_approval=True,
        ),
        ReasonCode(
            "izin_atasan", "Izin atasan", "Superior's permission", "nomor/catatan izin",
            "permission number or note", needs_approval=True,
        ),
        ReasonCode(
            "sakit", "Sakit", "Ill", "surat keterangan/nomor catatan", "doctor's note or record number"
        ),
        ReasonCode(
            "rapat_diklat", "Rapat/diklat", "Meeting/training", "nomor undangan/surat",
            "invitation or letter number",
        ),
        ReasonCode(
            "istirahat", "Istirahat", "Rest break", "nomor jadwal/izin", "rota or permission number"
        ),
        ReasonCode("ibadah", "Ibadah", "Prayer", "nomor jadwal/izin", "rota or permission number"),
        ReasonCode(
            "tanpa_keterangan", "Tanpa keterangan", "No explanation", "-", "-",
            needs_reference=False,
        ),
    )
}  # fmt: skip

_ALIASES = {
    "tugas_dinas_luar": "dinas_luar",
    "spt": "dinas_luar",
    "cuti": "cuti_tahunan",
    "izin": "izin_atasan",
    "rapat": "rapat_diklat",
    "diklat": "rapat_diklat",
    "sholat": "ibadah",
    "salat": "ibadah",
    "tk": "tanpa_keterangan",
}


@dataclass(frozen=True)
class Absence:
    """A checked reason for leaving: code, reference and approver (a Staff id)."""

    reason: ReasonCode
    reference: str | None
    approved_by_id: int | None
    approved_by: str | None


def reason_code(raw: str) -> ReasonCode:
    value = raw.strip().lower().replace("-", "_").replace(" ", "_").replace("/", "_")
    value = _ALIASES.get(value, value)
    if value not in REASONS:
        raise InvalidInput(
            f"Kode alasan tidak dikenal: '{raw}' (pilihan: {', '.join(REASONS)})",
            f"Unknown reason code: '{raw}' (choices: {', '.join(REASONS)})",
        )
    return REASONS[value]


def check_absence(
    reason: str, reference: str | None, approved_by: str | None, officer_id: int | None
) -> Absence:
    code = reason_code(reason)
    ref = check.text(reference or "", "Nomor rujukan", "Reference", 80, required=False) or None
    if code.needs_reference and not ref:
        raise InvalidInput(
            f"Alasan '{code.code}' memerlukan nomor rujukan ({code.reference_id})",
            f"Reason '{code.code}' needs a reference ({code.reference_en})",
        )
    approver: Staff | None = None
    if approved_by:
        approver = Staff.get_or_none(Staff.username == approved_by.strip().lower())
        if approver is None or not approver.active:
            raise NotFound(
                f"Pemberi izin '{approved_by}' tidak ada atau tidak aktif",
                f"Approver '{approved_by}' does not exist or is disabled",
            )
        if approver.role not in ("head", "admin"):
            raise InvalidInput(
                f"'{approver.username}' bukan atasan (kepala atau admin) dan tidak dapat memberi izin",
                f"'{approver.username}' is not a superior (head or admin) and cannot approve",
            )
        if approver.id == officer_id:
            raise InvalidInput(
                "Petugas tidak dapat memberi izin untuk dirinya sendiri",
                "An officer cannot approve their own absence",
            )
    elif code.needs_approval:
        raise InvalidInput(
            f"Alasan '{code.code}' memerlukan nama pemberi izin (kepala atau admin)",
            f"Reason '{code.code}' needs the approver (head or admin)",
        )
    return Absence(
        code, ref, approver.id if approver else None, approver.username if approver else None
    )


def reason_name(code: str | None, language: str = "id") -> str:
    if code is None:
        return ""
    entry = REASONS.get(code)
    if entry is None:
        return code
    return entry.name_en if language == "en" else entry.name_id
