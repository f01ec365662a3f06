"""Accounts: argon2-hashed passwords, roles, and who may see which case."""

from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casefile.store.registry import Registry, StoreError, _now
from casefile.store.schema import CaseRow, MemberRow, UserRow

ROLES = ("admin", "editor", "viewer")
MIN_PASSWORD, MAX_PASSWORD = 8, 1024
_hasher = PasswordHasher()


def password_problem(password: str) -> str | None:
    """Why a password cannot be used, or None: said to the person choosing it."""
    if len(password) < MIN_PASSWORD:
        return f"a password has at least {MIN_PASSWORD} characters (this one has {len(password)})"
    if len(password) > MAX_PASSWORD:
        return f"a password has at most {MAX_PASSWORD} characters"
    if not password.strip():
        return "a password is more than spaces"
    return None


def _check_password(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise StoreError(problem)


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    @property
    def can_edit(self) -> bool:
        return self.role in ("admin", "editor")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Accounts:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self._session = registry._session

    def add_user(self, name: str, password: str, role: str) -> User:
        if role not in ROLES:
            raise StoreError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        _check_password(password)
        if not name.strip() or len(name) > 200:
            raise StoreError("a user name is 1 to 200 characters")
        with self._session.begin() as s:
            if s.scalar(select(UserRow).where(UserRow.name == name)):
                raise StoreError(f"user {name!r} exists already")
            row = UserRow(name=name, password_hash=_hasher.hash(password), role=role, created_at=_now())
            s.add(row)
            s.flush()
            return User(row.id, row.name, row.role)

    def set_role(self, name: str, role: str) -> User:
        """Change an account's role; the last admin stays one (someone must manage accounts)."""
        if role not in ROLES:
            raise StoreError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
        with self._session.begin() as s:
            row = self._user(s, name)
            if row.role == "admin" and role != "admin":
                self._keep_an_admin(s, name)
            row.role = role
            return User(row.id, row.name, row.role)

    def set_password(self, name: str, password: str) -> None:
        """A new password for an account (an admin resetting a forgotten one)."""
        _check_password(password)
        with self._session.begin() as s:
            self._user(s, name).password_hash = _hasher.hash(password)

    def remove_user(self, name: str) -> None:
        """Delete an account and its memberships; the last admin cannot be removed."""
        with self._session.begin() as s:
            row = self._user(s, name)
            if row.role == "admin":
                self._keep_an_admin(s, name)
            for m in s.scalars(select(MemberRow).where(MemberRow.user_id == row.id)):
                s.delete(m)
            s.delete(row)

    @staticmethod
    def _user(s: Session, name: str) -> UserRow:
        row = s.scalar(select(UserRow).where(UserRow.name == name))
        if row is None:
            raise StoreError(f"no user {name!r}")
        return row

    @staticmethod
    def _keep_an_admin(s: Session, name: str) -> None:
        others = s.scalar(select(func.count()).where(UserRow.role == "admin", UserRow.name != name)) or 0
        if not others:
            raise StoreError(f"{name!r} is the last admin; make another account admin first")

    def users(self) -> list[User]:
        with self._session() as s:
            return [User(r.id, r.name, r.role) for r in s.scalars(select(UserRow).order_by(UserRow.name))]

    def count(self) -> int:
        return len(self.users())

    def authenticate(self, name: str, password: str) -> User | None:
        with self._session() as s:
            row = s.scalar(select(UserRow).where(UserRow.name == name))
            if row is None:
                _hasher.hash(password)  # same work either way: no user enumeration by timing
                return None
            try:
                _hasher.verify(row.password_hash, password)
            except (VerificationError, InvalidHashError):
                return None
            return User(row.id, row.name, row.role)

    def get(self, user_id: int) -> User | None:
        with self._session() as s:
            row = s.get(UserRow, user_id)
            return User(row.id, row.name, row.role) if row else None

    def set_restricted(self, slug: str, restricted: bool, members: list[str]) -> None:
        """Restrict the case (or open it) and add members."""
        self.set_access(slug, restricted, add=members)

    def set_access(self, slug: str, restricted: bool | None = None, add: list[str] | tuple[str, ...] = (),
                   remove: list[str] | tuple[str, ...] = ()) -> None:
        """Who may see a case, in one transaction: restricted or open (None: as it is), members
        added and removed. Adding a member twice is harmless; removing a user who is no member
        is an error naming them, and nothing changes."""
        with self._session.begin() as s:
            case = s.scalar(select(CaseRow).where(CaseRow.slug == slug))
            if case is None:
                raise StoreError(f"no case {slug!r}")
            if restricted is not None:
                case.restricted = restricted
            for name in add:
                u = s.scalar(select(UserRow).where(UserRow.name == name))
                if u is None:
                    raise StoreError(f"no user {name!r}")
                if not s.scalar(select(MemberRow).where(MemberRow.case_id == case.id, MemberRow.user_id == u.id)):
                    s.add(MemberRow(case_id=case.id, user_id=u.id))
            s.flush()
            for name in remove:
                row = s.scalar(select(MemberRow).join(UserRow, MemberRow.user_id == UserRow.id)
                               .where(MemberRow.case_id == case.id, UserRow.name == name))
                if row is None:
                    raise StoreError(f"{name!r} is not a member of case {slug!r}")
                s.delete(row)

    def remove_members(self, slug: str, names: list[str]) -> None:
        """Take users off a case's members: all named or none."""
        self.set_access(slug, remove=names)

    def members(self, slug: str) -> list[str]:
        """Who may see the case when it is restricted (admins aside), by name."""
        with self._session() as s:
            case = s.scalar(select(CaseRow).where(CaseRow.slug == slug))
            if case is None:
                raise StoreError(f"no case {slug!r}")
            q = select(UserRow.name).join(MemberRow, MemberRow.user_id == UserRow.id).where(MemberRow.case_id == case.id)
            return sorted(s.scalars(q))

    def is_restricted(self, slug: str) -> bool:
        with self._session() as s:
            case = s.scalar(select(CaseRow).where(CaseRow.slug == slug))
            if case is None:
                raise StoreError(f"no case {slug!r}")
            return bool(case.restricted)

    def may_see(self, user: User, slug: str) -> bool:
        with self._session() as s:
            case = s.scalar(select(CaseRow).where(CaseRow.slug == slug))
            if case is None:
                return False
            if not case.restricted or user.is_admin:
                return True
            return s.scalar(select(MemberRow).where(MemberRow.case_id == case.id, MemberRow.user_id == user.id)) is not None
