# Copyright the cognito-mfa-examples contributors.
# SPDX-License-Identifier: Apache-2.0
"""Hello, Amazon Cognito: list the user pools of your account in the current Region.

Run it:

    python python/cognito_idp/hello_cognito.py

It uses whatever boto3 is configured for: credentials, ``AWS_DEFAULT_REGION`` or a profile's
Region, and ``AWS_ENDPOINT_URL`` to talk to a local emulator instead of AWS.
"""

# snippet-start:[python.cognito-idp.Hello]
import argparse
import sys

import boto3
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, NoRegionError

_HINTS: dict[type[BotoCoreError], str] = {
    NoRegionError: " Set AWS_DEFAULT_REGION (such as us-east-1); for the local"
    " cognito-emulator, also AWS_ENDPOINT_URL=http://127.0.0.1:9229.",
    NoCredentialsError: " Configure a profile (aws configure), or AWS_ACCESS_KEY_ID and"
    " AWS_SECRET_ACCESS_KEY; the local cognito-emulator accepts any, such as testing.",
}
"""What to set when boto3 isn't configured."""


def main() -> int:
    argparse.ArgumentParser(description="List the Cognito user pools in this Region.").parse_args()
    try:
        cognito = boto3.client("cognito-idp")
        paginator = cognito.get_paginator("list_user_pools")
        pools = []
        # ListUserPools requires a page size (MaxResults); 60 is the largest allowed.
        for page in paginator.paginate(PaginationConfig={"PageSize": 60}):
            pools.extend(page["UserPools"])
    except ClientError as err:  # access denied, throttled...
        error = err.response["Error"]
        print(f"error: {error['Code']}: {error['Message']}", file=sys.stderr)
        return 1
    except BotoCoreError as err:  # no Region or credentials, endpoint unreachable
        print(f"error: {err}{_HINTS.get(type(err), '')}", file=sys.stderr)
        return 2

    print(f"Hello, Amazon Cognito! You have {len(pools)} user pool(s) in this Region.")
    for pool in pools:
        print(f"  {pool['Name']}  {pool['Id']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
# snippet-end:[python.cognito-idp.Hello]
