-- CreateEnum
CREATE TYPE "CandidateKind" AS ENUM ('senior', 'side_job', 'secondment', 'job_seeker', 'pro_bono', 'advisor');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('available', 'engaged', 'paused');

-- CreateEnum
CREATE TYPE "CommitmentKind" AS ENUM ('engagement', 'pending_introduction');

-- CreateEnum
CREATE TYPE "ShortlistState" AS ENUM ('proposed', 'approved', 'declined', 'withdrawn');

-- CreateTable
CREATE TABLE "candidate" (
    "id" TEXT NOT NULL,
    "kind" "CandidateKind" NOT NULL,
    "prefecture" TEXT NOT NULL,
    "remote_ok" BOOLEAN NOT NULL,
    "days_per_week" DOUBLE PRECISION NOT NULL,
    "work_styles" TEXT[],
    "skill_categories" TEXT[],
    "industries" TEXT[],
    "monthly_fee_min_yen" INTEGER,
    "headline" TEXT,
    "summary" TEXT,
    "status" "CandidateStatus" NOT NULL DEFAULT 'available',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidate_personal" (
    "candidate_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "age" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "candidate_personal_pkey" PRIMARY KEY ("candidate_id")
);

-- CreateTable
CREATE TABLE "candidate_commitment" (
    "id" TEXT NOT NULL,
    "candidate_id" TEXT NOT NULL,
    "case_id" TEXT,
    "days_per_week" DOUBLE PRECISION NOT NULL,
    "kind" "CommitmentKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "candidate_commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shortlist_entry" (
    "case_id" TEXT NOT NULL,
    "candidate_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" JSONB NOT NULL,
    "gaps" JSONB NOT NULL,
    "state" "ShortlistState" NOT NULL DEFAULT 'proposed',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "shortlist_entry_pkey" PRIMARY KEY ("case_id","candidate_id")
);

-- CreateIndex
CREATE INDEX "candidate_commitment_candidate_id_active_idx" ON "candidate_commitment"("candidate_id", "active");

-- CreateIndex
CREATE INDEX "shortlist_entry_candidate_id_state_idx" ON "shortlist_entry"("candidate_id", "state");

-- AddForeignKey
ALTER TABLE "candidate_personal" ADD CONSTRAINT "candidate_personal_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_commitment" ADD CONSTRAINT "candidate_commitment_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shortlist_entry" ADD CONSTRAINT "shortlist_entry_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

