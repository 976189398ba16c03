-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "network_id" TEXT;

-- CreateTable
CREATE TABLE "web_account" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "last_sign_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "web_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "web_session" (
    "id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "account_id" TEXT,
    "signed_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "web_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "web_message" (
    "id" TEXT NOT NULL,
    "rev" BIGSERIAL NOT NULL,
    "pane" TEXT NOT NULL,
    "conversation" TEXT NOT NULL,
    "case_id" TEXT,
    "thread_of" TEXT,
    "root" BOOLEAN NOT NULL DEFAULT false,
    "author" TEXT NOT NULL,
    "author_name" TEXT,
    "replies" JSONB NOT NULL,
    "dedupe_key" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "web_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "web_account_email_key" ON "web_account"("email");

-- CreateIndex
CREATE UNIQUE INDEX "web_session_token_hash_key" ON "web_session"("token_hash");

-- CreateIndex
CREATE INDEX "web_session_expires_at_idx" ON "web_session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "web_message_rev_key" ON "web_message"("rev");

-- CreateIndex
CREATE UNIQUE INDEX "web_message_dedupe_key_key" ON "web_message"("dedupe_key");

-- CreateIndex
CREATE INDEX "web_message_pane_conversation_rev_idx" ON "web_message"("pane", "conversation", "rev");

-- CreateIndex
CREATE INDEX "web_message_pane_case_id_idx" ON "web_message"("pane", "case_id");

-- CreateIndex
CREATE INDEX "organisation_network_id_idx" ON "organisation"("network_id");

-- AddForeignKey
ALTER TABLE "web_account" ADD CONSTRAINT "web_account_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "web_session" ADD CONSTRAINT "web_session_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "web_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

