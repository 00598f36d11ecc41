"""Services and counters: what the office offers and where it is served."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import IntegrityError

from loket.models import validation as check
from loket.models.changefeed import publish
from loket.models.db import write_transaction
from loket.models.errors import InvalidInput, NotFound
from loket.models.tables import Counter, CounterService, Service


@dataclass(frozen=True)
class ServiceInfo:
    code: str
    name_id: str
    name_en: str
    daily_quota: int | None
    hours: str
    days: str
    default_service_minutes: int
    active: bool


@dataclass(frozen=True)
class CounterInfo:
    number: int
    name: str
    front_desk: bool
    active: bool
    services: tuple[tuple[str, int], ...]  # (service code, weight)


def _service_info(row: Service) -> ServiceInfo:
    return ServiceInfo(
        code=row.code,
        name_id=row.name_id,
        name_en=row.name_en,
        daily_quota=row.daily_quota,
        hours=check.format_hours(row.open_minute, row.close_minute),
        days=row.open_days,
        default_service_minutes=row.default_service_minutes,
        active=row.active,
    )


def find_service(code: str) -> Service:
    code = check.service_code(code)
    row = Service.get_or_none(Service.code == code)
    if row is None:
        raise NotFound(f"Layanan '{code}' tidak ada", f"No service '{code}'")
    return row


def find_counter(number: int | str) -> Counter:
    value = check.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    row = Counter.get_or_none(Counter.number == value)
    if row is None:
        raise NotFound(f"Loket {value} tidak ada", f"No counter {value}")
    return row


def list_services(include_inactive: bool = True) -> list[ServiceInfo]:
    query = Service.select().order_by(Service.code)
    if not include_inactive:
        query = query.where(Service.active == True)  # noqa: E712
    return [_service_info(row) for row in query]


def get_service(code: str) -> ServiceInfo:
    return _service_info(find_service(code))


def add_service(
    code: str,
    name: str,
    name_en: str | None = None,
    daily_quota: int | None = None,
    hours: str = "07:30-16:00",
    days: str = "12345",
    default_service_minutes: int = 5,
) -> ServiceInfo:
    code = check.service_code(code)
    name = check.text(name, "Nama layanan", "Service name", 80)
    english = check.text(name_en or name, "Nama layanan (Inggris)", "Service name (English)", 80)
    quota = _quota(daily_quota)
    start, end = check.hours(hours)
    minutes = check.positive_int(
        default_service_minutes, "Menit layanan", "Service minutes", 1, 240
    )
    with write_transaction():
        if Service.select().where(Service.code == code).exists():
            raise InvalidInput(f"Layanan '{code}' sudah ada", f"Service '{code}' already exists")
        row = Service.create(
            code=code,
            name_id=name,
            name_en=english,
            daily_quota=quota,
            open_minute=start,
            close_minute=end,
            open_days=check.weekdays(days),
            default_service_minutes=minutes,
        )
        publish("services")
    return _service_info(row)


def _quota(value: int | str | None) -> int | None:
    if value is None or str(value).strip().lower() in ("", "0", "none", "-"):
        return None
    return check.positive_int(value, "Kuota harian", "Daily quota", 1, 100_000)


def edit_service(
    code: str,
    *,
    name: str | None = None,
    name_en: str | None = None,
    daily_quota: int | str | None = None,
    clear_quota: bool = False,
    hours: str | None = None,
    days: str | None = None,
    default_service_minutes: int | None = None,
    active: bool | None = None,
) -> ServiceInfo:
    with write_transaction():
        row = find_service(code)
        if name is not None:
            row.name_id = check.text(name, "Nama layanan", "Service name", 80)
        if name_en is not None:
            row.name_en = check.text(
                name_en, "Nama layanan (Inggris)", "Service name (English)", 80
            )
        if clear_quota:
            row.daily_quota = None
        elif daily_quota is not None:
            row.daily_quota = _quota(daily_quota)
        if hours is not None:
            row.open_minute, row.close_minute = check.hours(hours)
        if days is not None:
            row.open_days = check.weekdays(days)
        if default_service_minutes is not None:
            row.default_service_minutes = check.positive_int(
                default_service_minutes, "Menit layanan", "Service minutes", 1, 240
            )
        if active is not None:
            row.active = active
        row.save()
        publish("services")
    return _service_info(row)


def disable_service(code: str) -> ServiceInfo:
    return edit_service(code, active=False)


def parse_service_weights(raw: str) -> list[tuple[str, int]]:
    """``"A,B:2"`` → [("A", 1), ("B", 2)]."""
    pairs: list[tuple[str, int]] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        code, _, weight = part.partition(":")
        pairs.append(
            (check.service_code(code), check.positive_int(weight or 1, "Bobot", "Weight", 1, 10))
        )
    if not pairs:
        raise InvalidInput(
            "Sebutkan minimal satu layanan, mis. A,B", "Name at least one service, e.g. A,B"
        )
    return pairs


def _counter_info(row: Counter) -> CounterInfo:
    links = (
        CounterService.select(CounterService.weight, Service.code)
        .join(Service)
        .where(CounterService.counter == row)
        .order_by(Service.code)
        .tuples()
    )
    return CounterInfo(
        number=row.number,
        name=row.name,
        front_desk=row.front_desk,
        active=row.active,
        services=tuple((code, weight) for weight, code in links),
    )


def _link_services(counter: Counter, services: list[tuple[str, int]]) -> None:
    CounterService.delete().where(CounterService.counter == counter).execute()
    for code, weight in services:
        CounterService.create(counter=counter, service=find_service(code), weight=weight)


def add_counter(
    number: int | str, services: str, name: str = "", front_desk: bool = False
) -> CounterInfo:
    value = check.positive_int(number, "Nomor loket", "Counter number", 1, 999)
    links = parse_service_weights(services)
    label = check.text(name or f"Loket {value}", "Nama loket", "Counter name", 80)
    with write_transaction():
        if Counter.select().where(Counter.number == value).exists():
            raise InvalidInput(f"Loket {value} sudah ada", f"Counter {value} already exists")
        try:
            row = Counter.create(number=value, name=label, front_desk=front_desk)
        except IntegrityError as exc:
            raise InvalidInput(
                f"Loket {value} sudah ada", f"Counter {value} already exists"
            ) from exc
        _link_services(row, links)
        publish("counters")
    return _counter_info(row)


def edit_counter(
    number: int | str,
    *,
    services: str | None = None,
    name: str | None = None,
    front_desk: bool | None = None,
    active: bool | None = None,
) -> CounterInfo:
    with write_transaction():
        row = find_counter(number)
        if services is not None:
            _link_services(row, parse_service_weights(services))
        if name is not None:
            row.name = check.text(name, "Nama loket", "Counter name", 80)
        if front_desk is not None:
            row.front_desk = front_desk
        if active is not None:
            row.active = active
        row.save()
        publish("counters")
    return _counter_info(row)


def disable_counter(number: int | str) -> CounterInfo:
    return edit_counter(number, active=False)


def list_counters(include_inactive: bool = True) -> list[CounterInfo]:
    query = Counter.select().order_by(Counter.number)
    if not include_inactive:
        query = query.where(Counter.active == True)  # noqa: E712
    return [_counter_info(row) for row in query]


def get_counter(number: int | str) -> CounterInfo:
    return _counter_info(find_counter(number))
