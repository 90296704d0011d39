"""Schema validation: a fast yes/no gate, then precise Chinese findings for what fails.

`jsonschema_rs` answers "valid?" for every document (about 140x faster than Python `jsonschema`
on 10,000 tasks). Only a document that fails is validated again with `jsonschema`, whose errors
carry the keyword, the failing subschema and the instance path, which this module turns into
problems with the field's own Chinese label from the schema's descriptions.

The check is a function of a file's kind and parsed value alone (and the file's name, which the
problems carry): it runs once per file, where the file is parsed (checker.load.parsing), so that
the parse cache keeps a file's complete result.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from checker.findings import Problem
from checker.load.kinds import Kind
from checker.load.locate import format_path
from checker.load.yaml_loader import YamlValue
from checker.schema_files import schema_text

if TYPE_CHECKING:  # imported when a file fails its schema: most runs never need it (0.08 s of start-up)
    import jsonschema
    from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": "文字", "integer": "整数", "number": "数字", "array": "列表",
    "object": "映射（键: 值）", "boolean": "真假值", "null": "空值",
}
_SLUG = "^[a-z0-9]+(?:-[a-z0-9]+)*$"
_QUALIFIED = "^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"
_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@cache
def load_schema(kind: Kind) -> dict[str, Any]:  # Any: JSON, as the schema file has it
    schema: dict[str, Any] = json.loads(schema_text(kind.schema_name))
    return schema


@cache
def _fast_validator(kind: Kind) -> Any:  # Any: jsonschema_rs ships no type information
    return jsonschema_rs.validator_for(load_schema(kind), validate_formats=True)


@cache
def _explaining_validator(kind: Kind) -> jsonschema.protocols.Validator:
    import jsonschema  # noqa: PLC0415 (see TYPE_CHECKING above)

    validator_class = jsonschema.Draft202012Validator
    return validator_class(load_schema(kind), format_checker=validator_class.FORMAT_CHECKER)


def schema_problems(kind: Kind, data: YamlValue, file: str) -> list[Problem]:
    """What is wrong with one file's parsed value (any YAML value) against the schema of its kind."""
    if _fast_validator(kind).is_valid(data):
        return []
    errors = _explaining_validator(kind).iter_errors(data)
    return [item for error in errors for item in _translate(error, file)]


@dataclass(frozen=True)
class _Problem:
    """The parts of a jsonschema error the messages need, typed once."""

    keyword: str
    expected: Any  # the keyword's value in the schema: a type name, a list, a number, a pattern…
    value: YamlValue  # the part of the file that failed
    schema: dict[str, Any]
    message: str


def _problem(error: ValidationError) -> _Problem:
    raw: Any = error  # its attributes are typed as loosely as the schemas they come from; read once, here
    schema = raw.schema if isinstance(raw.schema, dict) else {}
    return _Problem(str(raw.validator), raw.validator_value, raw.instance, schema, str(raw.message))


def _translate(error: ValidationError, file: str) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    where = format_path(path)
    prefix = f"{where}：" if where else ""
    problem = _problem(error)
    if problem.keyword in ("anyOf", "oneOf") and error.context:
        names, blank = _one_of_fields(error.context)
        if names:
            how = "（只写字段名、不填内容的，不算填写）" if blank else ""
            yield Problem(file, "PC101", f"{prefix}须至少填写以下字段之一{how}：{names}。", path)
            return
        from jsonschema.exceptions import best_match  # noqa: PLC0415 (see TYPE_CHECKING above)

        yield from _translate(best_match(error.context), file)
        return
    if problem.keyword == "required":
        for name in [n for n in problem.expected if n not in problem.value]:
            label = _label(problem.schema, name)
            yield Problem(file, "PC101", f"{prefix}缺少必填字段“{name}”{label}。", path)
    elif problem.keyword == "dependentRequired":
        for name, needed in problem.expected.items():
            for missing in [n for n in needed if name in problem.value and n not in problem.value]:
                yield Problem(file, "PC101", f"{prefix}填写了“{name}”时须同时填写“{missing}”。", path)
    elif problem.keyword == "additionalProperties":
        allowed = sorted(problem.schema.get("properties", {}))
        for extra in [key for key in problem.value if key not in allowed]:
            message = f"{prefix}未知字段“{extra}”。{_suggest(extra, allowed)}"
            yield Problem(file, "PC102", message, (*path, extra), key=True)
    elif problem.keyword == "minProperties":
        yield Problem(file, "PC101", f"{prefix}至少要填写一个字段。", path)
    elif problem.value is None and problem.keyword in ("type", "enum", "const") and path:
        # `status:` with nothing after it: a field left blank (as in a new-report skeleton).
        yield Problem(file, "PC110", f"“{path[-1]}”尚未填写{_blank_hint(problem)}。", path)
    else:
        code, message = _value_problem(problem)
        yield Problem(file, code, f"{prefix}{message}", path)


def _one_of_fields(alternatives: list[ValidationError]) -> tuple[str, bool]:
    """(“updates”、“observations”, whether one was left blank) when each alternative wants one field filled in.

    ("", False) when an alternative fails for another reason: best_match then explains that.
    """
    names, blank = [], False
    for sub in alternatives:
        problem = _problem(sub)
        if problem.keyword == "required" and problem.expected:
            names.append(problem.expected[0])
        elif problem.keyword == "type" and problem.value is None and sub.relative_path:
            names.append(str(sub.relative_path[-1]))
            blank = True
        else:
            return "", False
    return "、".join(f"“{name}”" for name in names), blank


def _blank_hint(problem: _Problem) -> str:
    if problem.keyword == "enum":
        return "，可选：" + "、".join(str(option) for option in problem.expected)
    expected = problem.expected if problem.keyword == "type" else None
    names = [expected] if isinstance(expected, str) else list(expected or [])
    return "（应为" + "或".join(_TYPE_NAMES.get(t, t) for t in names) + "）" if names else ""


def _type(problem: _Problem) -> tuple[str, str]:
    expected, value = problem.expected, problem.value
    names = "或".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
    advice = "；若本意是文字，请加引号" if expected == "string" and value is not None else ""
    return "PC103", f"应为{names}，实际为{_type_name(value)} {_show(value)}{advice}。"


def _choice(problem: _Problem) -> tuple[str, str]:
    options = problem.expected if problem.keyword == "enum" else [problem.expected]
    listed = "、".join(str(option) for option in options)
    hint = _suggest(str(problem.value), [str(o) for o in options])
    return "PC104", f"取值 {_show(problem.value)} 不在允许范围内，可选：{listed}。{hint}"


def _bad_date(problem: _Problem) -> tuple[str, str]:
    return "PC106", f"{_show(problem.value)} 不是有效日期：须写作 YYYY-MM-DD，且是真实存在的日期。"


def _format(problem: _Problem) -> tuple[str, str]:
    if problem.expected == "date":
        return _bad_date(problem)
    return "PC105", f"{_show(problem.value)} 不是有效的 {problem.expected} 格式。"


def _pattern(problem: _Problem) -> tuple[str, str]:
    if problem.expected == _DATE:
        return _bad_date(problem)
    return "PC105", _pattern_message(problem.expected, problem.value)


def _length(problem: _Problem) -> tuple[str, str]:
    if problem.keyword == "minLength":
        return "PC105", "文字不能为空。"
    return "PC105", f"文字过长：{len(problem.value)} 个字符，上限 {problem.expected}。"


_BOUNDS = {"minimum": "不小于", "maximum": "不大于", "exclusiveMinimum": "大于", "exclusiveMaximum": "小于"}


def _range(problem: _Problem) -> tuple[str, str]:
    return "PC107", f"数值 {_show(problem.value)} 超出范围：应{_BOUNDS[problem.keyword]} {problem.expected}。"


def _items(problem: _Problem) -> tuple[str, str]:
    if problem.keyword == "uniqueItems":
        return "PC108", "列表中有重复项。"
    limit = "至少" if problem.keyword == "minItems" else "至多"
    return "PC108", f"列表应{limit}有 {problem.expected} 项，实际 {len(problem.value)} 项。"


def _forbidden(problem: _Problem) -> tuple[str, str]:
    fields = "、".join(f"“{name}”" for name in _required_names(problem.expected))
    return "PC109", f"此处不应填写字段 {fields}（与 kind 等字段的取值不相容）。"


_VALUE_PROBLEMS: dict[str, Callable[[_Problem], tuple[str, str]]] = {
    "type": _type, "enum": _choice, "const": _choice, "format": _format, "pattern": _pattern,
    "minLength": _length, "maxLength": _length, "minimum": _range, "maximum": _range,
    "exclusiveMinimum": _range, "exclusiveMaximum": _range, "minItems": _items, "maxItems": _items,
    "uniqueItems": _items, "not": _forbidden,
}


def _value_problem(problem: _Problem) -> tuple[str, str]:
    """(code, Chinese message) for a keyword about the value itself."""
    explain = _VALUE_PROBLEMS.get(problem.keyword)
    if explain is None:
        return "PC109", f"不符合结构要求（{problem.message}）。"
    return explain(problem)


_WEB_ADDRESS = "^https?://"


def _pattern_message(pattern: str, value: YamlValue) -> str:
    shown = _show(value)
    if pattern == _SLUG:
        return f"{shown} 不是有效的 ID：只能用小写字母、数字和连字符，如 hd-ecology。"
    if pattern == _QUALIFIED:
        return f"{shown} 应写作“规划ID/条目ID”，如 hd-air-2023/a1-01。"
    if pattern == _WEB_ADDRESS:
        return f"{shown} 不是网址：只能填写以 http:// 或 https:// 开头的公开网址（不能是 javascript:、data: 等）。"
    if isinstance(value, str) and re.fullmatch(r"\^\[.+\]\+\$", pattern):  # a character class: name the culprit
        body = pattern.removeprefix("^").removesuffix("+$")
        bad = next((char for char in value if not re.fullmatch(body, char)), None)
        if bad is not None:
            return f"{shown} 中含有不允许的字符 U+{ord(bad):04X}（控制字符、零宽字符或方向控制字符）。"
    return f"{shown} 的格式不对（应匹配 {pattern}）。"


def _required_names(schema: Any) -> list[str]:  # Any: a part of a schema, of any JSON shape
    if isinstance(schema, dict):
        names = list(schema.get("required", []))
        for sub in schema.get("anyOf", []):
            names += _required_names(sub)
        return names
    return []


def _label(schema: dict[str, Any], name: str) -> str:
    """（截止日期）: the field's Chinese name, from the start of its description."""
    description = schema.get("properties", {}).get(name, {}).get("description", "")
    label = re.split(r"[，：。（(；,]", description, maxsplit=1)[0].strip()
    return f"（{label}）" if label else ""


def _suggest(word: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"是否应为“{close[0]}”？" if close else ""


def _type_name(value: YamlValue) -> str:
    if isinstance(value, bool):
        return "真假值"
    for python_type, name in ((str, "文字"), (int, "整数"), (float, "数字"), (list, "列表"), (dict, "映射")):
        if isinstance(value, python_type):
            return name
    return "空值"


def _show(value: YamlValue) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"
