"""A house rule file that bans one word, for tests that write rule packs."""

RULE = """\
code: {code}
name: {name}
kind: existence
level: warning
summary: "Say '{word}' no more."
message: "Not '{{match}}'."
source: "our house style"
options:
  tokens: ["{word}"]
examples:
  fail: ["The {word} arrived."]
  pass: ["The cat arrived."]
"""
