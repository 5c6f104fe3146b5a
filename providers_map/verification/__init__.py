"""Providers confirm or correct their own registry entry through a signed link sent by e-mail (issue 26).

Rounds of requests (an operator's or the monthly schedule's), reminders, «Это ваша организация?», the public
pages the link opens, proposals that enter the moderation workflow, and the operators' view of freshness.
"""
