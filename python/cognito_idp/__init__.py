"""One small, self-contained module per Amazon Cognito user-pool action."""
