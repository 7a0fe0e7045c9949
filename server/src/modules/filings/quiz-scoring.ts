import type { Quiz } from '@fugong/contract';

/** Score in percent (rounded down), so a pass mark of 80 needs 4 of 5 right. */
export function scoreQuiz(quiz: Quiz, answers: number[]): { correct: number; total: number; score: number; passed: boolean } {
  const total = quiz.questions.length;
  const correct = quiz.questions.filter((q, i) => answers[i] === q.answer).length;
  const score = Math.floor((correct * 100) / total);
  return { correct, total, score, passed: score >= quiz.passMark };
}
