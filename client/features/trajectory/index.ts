/** The trajectory of meetings and the follow-up of actions (SPEC J, docs/decisions/0027). */
export { ParticipantTrajectory } from './ParticipantTrajectory.js';
export { ProjectorReview } from './ProjectorReview.js';
export { TrajectoryPanel } from './TrajectoryPanel.js';
export { ProjectorScoreLine } from './ScoreLine.js';
export { CardFollowUp } from './CardFollowUp.js';
export { useCurrentMeeting } from './useTrajectory.js';
