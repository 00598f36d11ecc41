"""peewee tables, one aggregate per module."""

from __future__ import annotations

from loket.models.tables.admin import AccountLock, AuditEntry, LoginAttempt
from loket.models.tables.changes import ChangeMark
from loket.models.tables.checkpoints import ChainCheckpoint
from loket.models.tables.complaints import Complaint, ComplaintNote, ComplaintSequence
from loket.models.tables.counters import Counter, CounterService
from loket.models.tables.keys import OfficeRoot, SigningKey
from loket.models.tables.notify import Notification
from loket.models.tables.printers import PrinterReport
from loket.models.tables.receipts import ChainHead, Receipt, ReceiptEvent, ReceiptSequence
from loket.models.tables.rollups import TicketDayRollup
from loket.models.tables.seals import ChainSeal
from loket.models.tables.services import Service
from loket.models.tables.settings import Setting
from loket.models.tables.staff import Staff
from loket.models.tables.staffing import (
    CounterPresence,
    Holiday,
    RamadanPeriod,
    ServiceHours,
    StaffingEvent,
)
from loket.models.tables.staffing_cache import StaffingDayCache
from loket.models.tables.surveys import SurveyResponse
from loket.models.tables.tickets import Ticket, TicketEvent, TicketSequence

ALL_TABLES = [
    Setting,
    Service,
    Counter,
    CounterService,
    Staff,
    TicketSequence,
    Ticket,
    TicketEvent,
    ChangeMark,
    SigningKey,
    OfficeRoot,
    ReceiptSequence,
    Receipt,
    ReceiptEvent,
    ChainHead,
    SurveyResponse,
    ComplaintSequence,
    Complaint,
    ComplaintNote,
    ServiceHours,
    Holiday,
    RamadanPeriod,
    StaffingEvent,
    CounterPresence,
    StaffingDayCache,
    LoginAttempt,
    AccountLock,
    AuditEntry,
    TicketDayRollup,
    PrinterReport,
    ChainSeal,
    Notification,
    ChainCheckpoint,
]

__all__ = [
    "ALL_TABLES",
    "AccountLock",
    "AuditEntry",
    "ChainCheckpoint",
    "ChainHead",
    "ChainSeal",
    "ChangeMark",
    "Complaint",
    "ComplaintNote",
    "ComplaintSequence",
    "Counter",
    "CounterPresence",
    "CounterService",
    "Holiday",
    "LoginAttempt",
    "Notification",
    "OfficeRoot",
    "PrinterReport",
    "RamadanPeriod",
    "Receipt",
    "ReceiptEvent",
    "ReceiptSequence",
    "Service",
    "ServiceHours",
    "Setting",
    "SigningKey",
    "Staff",
    "StaffingDayCache",
    "StaffingEvent",
    "SurveyResponse",
    "Ticket",
    "TicketDayRollup",
    "TicketEvent",
    "TicketSequence",
]
