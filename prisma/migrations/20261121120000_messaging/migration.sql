-- CreateEnum
CREATE TYPE "OutboxState" AS ENUM ('pending', 'sending', 'sent', 'dead');

-- AlterTable
ALTER TABLE "organisation" ADD COLUMN     "is_default" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "is_hub" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "slack_channel_id" TEXT;

-- AlterTable
ALTER TABLE "case" ADD COLUMN     "assignee_id" TEXT;

-- CreateTable
CREATE TABLE "case_share" (
    "case_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "shared_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_share_pkey" PRIMARY KEY ("case_id","organisation_id")
);

-- CreateTable
CREATE TABLE "case_comment" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "member_id" TEXT,
    "channel" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_thread" (
    "case_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "root_ts" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_thread_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "conversation_ref" (
    "member_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "conversation_ref_pkey" PRIMARY KEY ("member_id","channel")
);

-- CreateTable
CREATE TABLE "outbox" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "address" JSONB NOT NULL,
    "payload" JSONB NOT NULL,
    "case_id" TEXT,
    "order_key" TEXT NOT NULL,
    "state" "OutboxState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMP(3),
    "reply_token" TEXT,
    "reply_token_expires_at" TIMESTAMP(3),
    "last_error" TEXT,
    "result" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_comment_case_id_created_at_idx" ON "case_comment"("case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_seq_key" ON "outbox"("seq");

-- CreateIndex
CREATE INDEX "outbox_state_next_attempt_at_idx" ON "outbox"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_order_key_seq_idx" ON "outbox"("order_key", "seq");

-- AddForeignKey
ALTER TABLE "case_share" ADD CONSTRAINT "case_share_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_share" ADD CONSTRAINT "case_share_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_comment" ADD CONSTRAINT "case_comment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_thread" ADD CONSTRAINT "case_thread_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

