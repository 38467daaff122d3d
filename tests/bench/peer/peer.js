// The benchmark's peer: the assistant's first three questions (work email, MPN ID, and a review
// of the answers before sending) as a SurveyJS form, the way its documentation builds one.
// `cargo xtask bench` bundles and minifies it with esbuild, beside SurveyJS's default theme.
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';

const survey = new Model({
  title: 'Migrate your account to Partner Center',
  showPreviewBeforeComplete: 'showAnsweredQuestions',
  pages: [
    {
      elements: [
        {
          type: 'text',
          name: 'workEmail',
          title: 'What is your work email address?',
          description: 'The address you sign in to Partner Center with.',
          inputType: 'email',
          isRequired: true,
          validators: [{ type: 'email' }],
        },
      ],
    },
    {
      elements: [
        {
          type: 'text',
          name: 'mpnId',
          title: 'What is your MPN ID?',
          description: 'Your Microsoft Partner Network ID: 6 to 8 digits.',
          isRequired: true,
          validators: [{ type: 'regex', regex: '^[0-9]{6,8}$', text: 'Enter 6 to 8 digits.' }],
        },
      ],
    },
  ],
});
renderSurvey(survey, document.getElementById('survey'));
