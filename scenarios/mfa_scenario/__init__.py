# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Helpers of the guided scenario ``scenarios/signup_user_with_mfa.py``, one idea a module.

* :mod:`mfa_scenario.console`: what the reader sees (steps, API calls, masking), 80 columns;
* :mod:`mfa_scenario.players`: who answers the prompts (a person, or ``--auto``);
* :mod:`mfa_scenario.totp_setup`: the setup key, the otpauth:// URI and its compact QR code;
* :mod:`mfa_scenario.password_policy`: the pool's password policy, checked as soon as typed;
* :mod:`mfa_scenario.cleanup`: the stack of things to remove at the end, whatever happens;
* :mod:`mfa_scenario.targets`: where the scenario runs (a local cognito-emulator, read through
  its control seam, or AWS);
* :mod:`mfa_scenario.device_srp`: the SRP maths of a remembered device (pycognito).
"""
