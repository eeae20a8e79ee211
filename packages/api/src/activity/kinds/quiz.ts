import {
  type TQuizAnswersInput,
  type TQuizAnswersOutput,
  type TQuizParameter,
  type TQuizResult,
  type TTaskInput,
  type TTaskView,
  ZQuizParameter,
} from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, desc, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { BadInput, PreconditionFailed } from '../../platform/errors';
import { activityScopeKey, memberActivityStates } from '../campaign-completions';
import { requireRunning, visibleCampaign } from '../catalog';
import { completeActivityIn } from '../completion';
import { lockMemberPoints } from '../ledger';
import { type TaskActivity, taskActivity, taskCompletion } from './task-activity';

/*
 * Quizzes (docs/product/tasks.md, "Quiz"): the right answers stay in the activity's parameter on the
 * server; the member sees the questions and, after each attempt, how many were right and how many a
 * pass needs, never which.
 */

const loadQuiz = (deps: Pick<Deps, 'db'>, ids: TTaskInput) => taskActivity(deps, ids, 'quiz', ZQuizParameter);

/** Right answers a pass needs: the pass share of the questions, rounded up. */
export const neededToPass = (quiz: TQuizParameter) =>
  Math.ceil((quiz.passPercent * quiz.questions.length) / 100);

/** Grades picks against the quiz: a question counts when exactly its right choices are picked. */
export function gradeQuiz(quiz: TQuizParameter, answers: readonly (readonly number[])[]): TQuizResult {
  const correct = quiz.questions.filter((q, i) => {
    const picked = new Set(answers[i] ?? []);
    return picked.size === q.correct.length && q.correct.every((c) => picked.has(c));
  }).length;
  const needed = neededToPass(quiz);
  return { correct, total: quiz.questions.length, needed, passed: correct >= needed };
}

/** Picks that do not fit the questions are a bad request, not a wrong answer: nothing is spent. */
function checkShape(quiz: TQuizParameter, answers: readonly (readonly number[])[]): void {
  const issues: Record<string, string[]> = {};
  if (answers.length !== quiz.questions.length)
    issues.answers = [`Answer all ${quiz.questions.length} questions.`];
  quiz.questions.forEach((q, i) => {
    const picks = answers[i];
    if (!picks) return;
    if (picks.length === 0) issues[`answers.${i}`] = ['Pick an answer.'];
    else if (!q.multiple && picks.length > 1) issues[`answers.${i}`] = ['Pick one answer.'];
    else if (picks.some((p) => p >= q.choices.length) || new Set(picks).size !== picks.length)
      issues[`answers.${i}`] = ['Pick among the choices shown.'];
  });
  if (Object.keys(issues).length > 0)
    throw new BadInput('Some answers are missing or not among the choices.', issues, 'quiz_answers_invalid');
}

async function attemptsOf(deps: Pick<Deps, 'db'>, q: Database, userId: string, quiz: TaskActivity<unknown>) {
  const { t } = deps.db;
  return q
    .select({
      attempt: t.quizAttempts.attempt,
      correct: t.quizAttempts.correct,
      total: t.quizAttempts.total,
      passed: t.quizAttempts.passed,
    })
    .from(t.quizAttempts)
    .where(
      and(
        eq(t.quizAttempts.userId, userId),
        eq(t.quizAttempts.activityId, quiz.activityId),
        eq(t.quizAttempts.scopeKey, activityScopeKey(quiz.scope, quiz.campaignId)),
      ),
    )
    .orderBy(desc(t.quizAttempts.attempt));
}

/** The quiz as `activity.task` shows it: questions without their answers, and the member's attempts. */
export async function quizView(
  deps: Pick<Deps, 'db'>,
  userId: string | null,
  input: TTaskInput,
): Promise<TTaskView> {
  const quiz = await loadQuiz(deps, input);
  const attempts = userId ? await attemptsOf(deps, deps.db.db, userId, quiz) : [];
  const last = attempts[0];
  return {
    kind: 'quiz',
    questions: quiz.task.questions.map((q, index) => ({
      index,
      prompt: q.prompt,
      choices: q.choices,
      multiple: q.multiple,
    })),
    passPercent: quiz.task.passPercent,
    maxAttempts: quiz.task.maxAttempts,
    attemptsUsed: attempts.length,
    lastResult: last
      ? { correct: last.correct, total: last.total, needed: neededToPass(quiz.task), passed: last.passed }
      : null,
  };
}

/**
 * `activity.answerQuiz`: grades one attempt and, when it passes, completes the activity in the same
 * transaction. The attempt limit holds under concurrency twice over: the member's points lock
 * serialises their attempts, and the attempt number is unique per member and quiz, so two attempts
 * can never both take the last one.
 */
export async function answerQuiz(
  deps: Pick<Deps, 'db' | 'clock'>,
  userId: string,
  input: TQuizAnswersInput,
): Promise<TQuizAnswersOutput> {
  const campaign = await visibleCampaign(deps, deps.db.db, input.campaignId);
  requireRunning(campaign, deps.clock.now());
  const quiz = await loadQuiz(deps, input);
  checkShape(quiz.task, input.answers);
  const result = gradeQuiz(quiz.task, input.answers);
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await lockMemberPoints(deps, tx, userId);
    const state = (
      await memberActivityStates(deps, tx, { userId, campaignId: input.campaignId, activities: [quiz] })
    ).get(quiz.activityId);
    if (state)
      throw new PreconditionFailed(
        state.status === 'rejected'
          ? 'An operator rejected your earlier result for this quiz.'
          : 'You have already passed this quiz.',
        'quiz_already_done',
      );
    const used = (await attemptsOf(deps, tx, userId, quiz)).length;
    if (used >= quiz.task.maxAttempts)
      throw new PreconditionFailed(
        `You have used all ${quiz.task.maxAttempts} attempts at this quiz.`,
        'quiz_no_attempts_left',
      );
    await tx.insert(t.quizAttempts).values({
      id: crypto.randomUUID(),
      userId,
      activityId: quiz.activityId,
      scopeKey: activityScopeKey(quiz.scope, quiz.campaignId),
      attempt: used + 1,
      correct: result.correct,
      total: result.total,
      passed: result.passed,
      answers: input.answers,
      createdAt: deps.clock.now(),
    });
    const outcome = result.passed
      ? await completeActivityIn(
          deps,
          tx,
          taskCompletion(quiz, userId, {
            quiz: { attempt: used + 1, correct: result.correct, total: result.total },
            checkedAt: deps.clock.now().toISOString(),
          }),
        )
      : null;
    return {
      result,
      attemptsUsed: used + 1,
      maxAttempts: quiz.task.maxAttempts,
      status:
        outcome && (outcome.status === 'completed' || outcome.status === 'pending_review')
          ? outcome.status
          : 'not_started',
      pointsAwarded: outcome?.pointsAwarded ?? 0,
    };
  });
}
